import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { createApiClient } from '../transport/request';

/** The account's private templates (template messages), as WeChat lists them. */
export async function privateTemplates(context: ILoadOptionsFunctions): Promise<IDataObject[]> {
	const client = await createApiClient(context);
	const response = await client.request<{ template_list?: IDataObject[] }>({ method: 'GET', path: '/cgi-bin/template/get_all_private_template' }, 0);
	return Array.isArray(response.template_list) ? response.template_list : [];
}

/** The account's subscription-notice templates, as WeChat lists them. */
export async function noticeTemplates(context: ILoadOptionsFunctions): Promise<IDataObject[]> {
	const client = await createApiClient(context);
	const response = await client.request<{ data?: IDataObject[] }>({ method: 'GET', path: '/wxaapi/newtmpl/gettemplate' }, 0);
	return Array.isArray(response.data) ? response.data : [];
}
