// Type-checked (never run) by `npm test`: a caller of the published npm types. A wrong field or a wrong value
// must fail to compile, so the @ts-expect-error lines fail the check if the types ever become too loose.
import * as zck from 'zoho-connector-kit';

const url: zck.AuthorizationUrl = zck.buildAuthorizationUrl({
  dataCenter: 'eu',
  clientId: '1000.GMB0YULZHJK411248S8I5GZ4CHUEX0',
  scopes: ['ZohoCRM.modules.ALL'],
  redirectUri: 'https://example.com/cb',
  accessType: 'offline',
});
const firstCode: string | undefined = url.diagnostics[0]?.code;
const detection: zck.Detection = zck.detectDataCenter('accounts.zoho.eu');
const id: zck.DataCenterId | null = detection.dataCenter;
const centers: zck.DataCenter[] = zck.listDataCenters();
const source: string = centers[0]!.accountsServer.source;
const field: zck.FormField = zck.connectionFormSchema().fields[0]!;
const fieldKey: keyof zck.ConnectionConfig = field.key;
// @ts-expect-error: a field's group is one of "service" | "connection" | "file"
const wrongGroup: zck.FormField['group'] = 'oauth';

// Finding codes are a closed union generated from the core's table: a code can be matched only if it exists.
const wrongHost = url.diagnostics.some((d) => d.code === 'dc.wrong_host');
// @ts-expect-error: a misspelt code does not compile (it can never be equal)
const misspelt = url.diagnostics.some((d) => d.code === 'dc.wrnog_host');
const listed: zck.FindingCode = 'deluge.syntax';

// @ts-expect-error: accessType takes only "offline" | "online"
zck.buildAuthorizationUrl({ accessType: 'forever' });
// @ts-expect-error: unknown fields are refused by the types too
zck.buildAuthorizationUrl({ clientID: 'x' });

export { firstCode, id, source, fieldKey, wrongGroup, wrongHost, misspelt, listed };
