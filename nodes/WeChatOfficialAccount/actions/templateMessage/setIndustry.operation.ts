import type { INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { OperationExecute } from '../node.type';

const industryField = (displayName: string, name: string): INodeProperties => ({
	displayName,
	name,
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 41 },
	required: true,
	default: 1,
	description: "The industry's code in WeChat's template message documentation (1 = IT/Internet and e-commerce, 2 = IT software and services, ...)",
});

export const description = updateDisplayOptions({ show: { resource: ['templateMessage'], operation: ['setIndustry'] } }, [
	industryField('Primary Industry', 'primaryIndustry'),
	industryField('Secondary Industry', 'secondaryIndustry'),
]);

/** Sets the account's two template industries. WeChat allows a change once a month. */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const industries = ['primaryIndustry', 'secondaryIndustry'].map((name) => Number(this.getNodeParameter(name, itemIndex)));
	if (industries.some((id) => !Number.isInteger(id) || id < 1 || id > 41)) {
		throw new NodeOperationError(this.getNode(), 'An industry code must be a whole number from 1 to 41', { itemIndex });
	}
	await client.request(
		{ method: 'POST', path: '/cgi-bin/template/api_set_industry', body: { industry_id1: String(industries[0]), industry_id2: String(industries[1]) } },
		itemIndex,
	);
	output.push({ json: { success: true, industry_id1: industries[0], industry_id2: industries[1] }, pairedItem: { item: itemIndex } });
};
