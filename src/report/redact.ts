// The report never prints a secret's value (issue "client-secret-exposed"), but its diffs quote source lines: a
// hard-coded client secret near a rewritten line would appear there. Its value is masked in the report's copy of the
// diff; the diff on stdout (dry-run) stays exact so it can be applied.
const SECRET_VALUE = /((?:client_?secret|app_?secret|secret_?key)\w*['"]?\s*[:=]\s*)(['"`])([^'"`\r\n]{4,})\2/gi;
const SECRET_QUERY = /((?:client_?secret)=)([^&'"`\s$]{4,})/gi;

export function redactSecrets(text: string): string {
  return text.replace(SECRET_VALUE, (_m, lead: string, q: string) => `${lead}${q}***${q}`).replace(SECRET_QUERY, '$1***');
}
