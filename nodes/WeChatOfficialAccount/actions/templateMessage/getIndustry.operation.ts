import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { OperationExecute } from '../node.type';

export const description = updateDisplayOptions({ show: { resource: ['templateMessage'], operation: ['getIndustry'] } }, [] as INodeProperties[]);

/** The two industries the account's templates are drawn from. */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const response = await client.request<IDataObject>({ method: 'GET', path: '/cgi-bin/template/get_industry' }, itemIndex);
	output.push({
		json: { primary_industry: response.primary_industry, secondary_industry: response.secondary_industry },
		pairedItem: { item: itemIndex },
	});
};
