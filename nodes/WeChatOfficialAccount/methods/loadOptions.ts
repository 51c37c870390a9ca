import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { followerCount } from '../actions/tag/fields';
import { createApiClient } from '../transport/request';
import { noticeTemplates, privateTemplates } from '../actions/templates';

/** The account's tags for the Tag dropdown: "VIP (1,234 followers)" → its ID. */
export async function getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const client = await createApiClient(this);
	const response = await client.request<{ tags?: IDataObject[] }>({ method: 'GET', path: '/cgi-bin/tags/get' }, 0);
	const tags = Array.isArray(response.tags) ? response.tags : [];
	return tags.map((tag) => ({
		name: `${String(tag.name)} (${followerCount(tag.count)})`,
		value: Number(tag.id),
	}));
}

/** The Tag dropdown of a conditional menu: "Any Tag" (no tag rule) first, then the account's tags. */
export async function getTagsOrAny(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return [{ name: 'Any Tag (No Tag Rule)', value: '' }, ...(await getTags.call(this))];
}

/** The account's private templates for the Template dropdown: "Order shipped" → its ID. */
export async function getTemplates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const templates = await privateTemplates(await createApiClient(this));
	return templates.map((template) => ({
		name: String(template.title || template.template_id),
		value: String(template.template_id),
		description: String(template.content ?? ''),
	}));
}

/** The subscription-notice templates for the Template dropdown of Subscription Notice → Send. */
export async function getNoticeTemplates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const templates = await noticeTemplates(await createApiClient(this));
	return templates.map((template) => ({
		name: String(template.title || template.priTmplId),
		value: String(template.priTmplId),
		description: String(template.content ?? ''),
	}));
}
