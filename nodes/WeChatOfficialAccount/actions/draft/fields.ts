import type { INodeProperties } from 'n8n-workflow';

export const draftMediaIdField: INodeProperties = {
	displayName: 'Draft Media ID',
	name: 'mediaId',
	type: 'string',
	required: true,
	default: '={{ $json.media_id }}',
	description: 'The media_id of the draft, as Draft → Create or Get Many returned it',
};

export const DRAFT_ID_HINT = 'Set "Draft Media ID" to the media_id of the draft, e.g. with the expression {{ $json.media_id }} after Draft → Create.';
