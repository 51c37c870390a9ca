import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { MAX_SYSTEM_TAG_ID, followerCount } from '../actions/tag/fields';
import { createApiClient } from '../transport/request';

/**
 * The account's tags for the Tag list: "VIP (1,234 followers)" → its ID; WeChat's own tags are
 * marked, since they cannot be renamed or deleted. `filter` keeps the tags whose name contains
 * it or whose ID it is (WeChat returns all tags, 100 at most, in one answer).
 */
export async function searchTags(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const client = await createApiClient(this);
	const response = await client.request<{ tags?: IDataObject[] }>({ method: 'GET', path: '/cgi-bin/tags/get' }, 0);
	const tags = Array.isArray(response.tags) ? response.tags : [];
	const wanted = (filter ?? '').trim().toLowerCase();
	const results = tags
		.filter((tag) => !wanted || String(tag.name).toLowerCase().includes(wanted) || String(tag.id) === wanted)
		.map((tag) => {
			const id = Number(tag.id);
			const system = id <= MAX_SYSTEM_TAG_ID ? ' (system tag: cannot be renamed or deleted)' : '';
			return { name: `${String(tag.name)} (${followerCount(tag.count)})${system}`, value: String(id) };
		});
	return { results };
}
