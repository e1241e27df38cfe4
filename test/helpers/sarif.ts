/** A validator for SARIF logs against the official 2.1.0 schema, shared by the CLI's unit and integration tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { FIXTURES } from '../unit/helpers';

// The official SARIF 2.1.0 schema, as shipped in the npm package @microsoft/jest-sarif (lib/schemas/sarif-2.1.0-rtm.5.json).
const SARIF_SCHEMA = JSON.parse(readFileSync(join(FIXTURES, 'sarif', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
const sarifAjv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false }) // the schema's language pattern is not valid with the u flag;
addFormats(sarifAjv as unknown as Ajv);
const compiled = sarifAjv.compile(SARIF_SCHEMA);
export const validateSarif = Object.assign((x: unknown): boolean => { const ok = compiled(x); validateSarif.errors = compiled.errors; return ok; }, { errors: null as typeof compiled.errors });
