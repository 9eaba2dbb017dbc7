// Imports every type file (each registers its types and root fields) and builds the schema.
import { builder } from './builder.js';
import './types/enums.js';
import './types/errors.js';
import './types/evidence.js';
import './types/country.js';
import './types/organization.js';
import './types/service.js';
import './types/policy.js';
import './types/engagement.js';
import './types/transfer.js';
import './types/subprocessor-link.js';
import './types/parent-link.js';
import './types/processing-location.js';
import './types/region.js';
import './types/dashboard.js';
import './types/ingest.js';
import './types/risks.js';
import './types/changes.js';
import './types/traversal.js';

export const schema = builder.toSchema({ sortSchema: true });
