// Lines of the longest functions of TypeScript files (issue 13's "largest file and function sizes"): every function
// declaration, function expression, arrow function and method, from its first line to its last, nested ones
// counted in full inside their parent too. `node scripts/function-sizes.mjs [files…]` (default: the popup's tabs).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { ROOT } from './lib.mjs';

const popup = join(ROOT, 'extension', 'src', 'popup');
const files = process.argv.slice(2).length ? process.argv.slice(2) : readdirSync(popup).filter((f) => f.endsWith('.ts')).map((f) => join(popup, f));
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const found = [];
  const visit = (node) => {
    if (ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node)) {
      const first = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line + 1;
      const name = node.name?.getText() ?? (ts.isVariableDeclaration(node.parent) ? node.parent.name.getText() : `(line ${first})`);
      found.push({ name, lines: last - first + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  found.sort((a, b) => b.lines - a.lines);
  const top = found.slice(0, 3).map((f) => `${f.name} ${f.lines}`).join(', ');
  console.log(`${file.replace(`${ROOT}/`, '')}: ${text.split('\n').length - 1} lines; longest functions: ${top}`);
}
