import { updateDisplayOptions } from '../../helpers/displayOptions';
import { batchedChangeOperation } from '../batchedChange';
import { membershipFields, tagMembership } from './members';

export const description = updateDisplayOptions({ show: { resource: ['tag'], operation: ['addFollowers'] } }, membershipFields);

/** Puts a tag on followers, 50 per request across all input items. */
export const executeBatch = batchedChangeOperation(tagMembership('/cgi-bin/tags/members/batchtagging', 'tagged'));
