import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { createApiClient } from '../transport/request';

/** The account's tags for the Tag dropdown: "VIP (1,234 followers)" → its ID. */
export async function getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const client = await createApiClient(this);
	const response = await client.request<{ tags?: IDataObject[] }>({ method: 'GET', path: '/cgi-bin/tags/get' }, 0);
	const tags = Array.isArray(response.tags) ? response.tags : [];
	return tags.map((tag) => ({
		name: `${String(tag.name)} (${Number(tag.count ?? 0).toLocaleString('en')} followers)`,
		value: Number(tag.id),
	}));
}
