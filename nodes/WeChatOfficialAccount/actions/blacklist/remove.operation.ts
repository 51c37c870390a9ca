import { updateDisplayOptions } from '../../helpers/displayOptions';
import { batchedChangeOperation } from '../batchedChange';
import { blacklistChange, blacklistFields } from './members';

export const description = updateDisplayOptions({ show: { resource: ['blacklist'], operation: ['remove'] } }, blacklistFields);

/** Takes followers off the blacklist, 20 per request across all input items. */
export const executeBatch = batchedChangeOperation(blacklistChange('/cgi-bin/tags/members/batchunblacklist', 'taken off the blacklist'));
