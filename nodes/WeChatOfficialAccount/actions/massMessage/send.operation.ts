import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import { parseOpenids } from '../../helpers/openids';
import type { SendOutcome, RunStop } from '../../transport/sendEach';
import { settleRun, stopFor } from '../../transport/sendEach';
import type { BatchOperationExecute } from '../node.type';
import { idempotencyKeyOf, idempotencyKeyOption } from '../sending';
import { tagIdField, tagIdOf } from '../tag/fields';
import { massContentProperties, massMessageOf } from './content';

/** WeChat's bounds for a mass message to a list of OpenIDs (message/mass/send). */
export const MIN_LIST_RECIPIENTS = 2;
export const MAX_LIST_RECIPIENTS = 10_000;

/** 45065: WeChat already has a job with this clientmsgid (the answer carries its msg_id). */
const ALREADY_SUBMITTED = 45065;

const properties: INodeProperties[] = [
	{
		displayName: 'Send To',
		name: 'target',
		type: 'options',
		noDataExpression: true,
		default: 'all',
		options: [
			{ name: 'All Followers', value: 'all' },
			{ name: 'Followers With a Tag', value: 'tag' },
			{ name: 'OpenIDs', value: 'list', description: 'The OpenIDs of all input items, in one message (at least 2)' },
		],
	},
	{ ...tagIdField, displayOptions: { show: { target: ['tag'] } } },
	{
		displayName: 'OpenIDs',
		name: 'openids',
		type: 'string',
		required: true,
		default: '={{ $json.openid }}',
		description:
			'The OpenIDs of this input item: one, several separated by commas, or a list. Input items with the same message are sent together as one mass message, 10,000 OpenIDs per request.',
		displayOptions: { show: { target: ['list'] } },
	},
	...massContentProperties,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			idempotencyKeyOption('24 hours'),
			{
				displayName: 'Send Even If Judged a Reprint',
				name: 'sendIgnoreReprint',
				type: 'boolean',
				default: false,
				description: 'Whether to send an article WeChat judges to be a reprint of another account’s original (as a reprint); otherwise WeChat stops the job',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['massMessage'], operation: ['send'] } }, properties);

/** One mass job: the input items it serves and what WeChat is asked to do. */
interface MassJob {
	itemIndexes: number[];
	path: '/cgi-bin/message/mass/sendall' | '/cgi-bin/message/mass/send';
	body: IDataObject;
	/** list sends: the recipients, each once, in input order */
	openids?: Set<string>;
	key: string;
}

/**
 * Mass messages. Input items asking for the same message to the same audience are one job (a
 * hundred items from a follower pull do not send a hundred mass messages); a list of OpenIDs is
 * split into requests of at most 10,000, balanced so none has fewer than 2. Every request carries
 * a `clientmsgid`: WeChat runs a job once per key within 24 hours and answers a repeat with the
 * job it has (45065), so repeats after a lost answer are safe and reported as already submitted.
 */
export const executeBatch: BatchOperationExecute = async function (itemIndexes, client, continueOnFail) {
	const outcomes = new Map<number, SendOutcome>();
	const jobs = new Map<string, MassJob>();
	for (const itemIndex of itemIndexes) {
		try {
			const job = jobOf.call(this, itemIndex);
			const existing = jobs.get(job.key);
			if (!existing) jobs.set(job.key, job);
			else {
				existing.itemIndexes.push(itemIndex);
				for (const openid of job.openids ?? []) existing.openids?.add(openid);
			}
		} catch (error) {
			outcomes.set(itemIndex, { itemIndex, error: error as Error });
		}
	}
	// Without "Continue", an item that cannot be sent stops the run before anything goes out.
	const refused = [...outcomes.keys()].sort((a, b) => a - b)[0];
	let stop: RunStop | undefined = refused !== undefined && !continueOnFail ? { itemIndex: refused, quota: false } : undefined;

	for (const job of stop ? [] : jobs.values()) {
		try {
			const results = await sendJob.call(this, job, client);
			for (const itemIndex of job.itemIndexes) outcomes.set(itemIndex, { itemIndex, json: [results] });
		} catch (error) {
			for (const itemIndex of job.itemIndexes) outcomes.set(itemIndex, { itemIndex, error: error as Error });
			stop ??= stopFor(error, job.itemIndexes[0], continueOnFail);
			if (stop) break;
		}
	}
	return settleRun(this.getNode(), itemIndexes, outcomes, stop, continueOnFail);
};

function jobOf(this: ThisParameterType<BatchOperationExecute>, itemIndex: number): MassJob {
	const target = this.getNodeParameter('target', itemIndex) as 'all' | 'tag' | 'list';
	const options = this.getNodeParameter('options', itemIndex, {}) as { sendIgnoreReprint?: boolean; idempotencyKey?: string };
	const message = massMessageOf(this, itemIndex);
	if (message.msgtype === 'mpnews') message.send_ignore_reprint = options.sendIgnoreReprint ? 1 : 0;
	if (target === 'list') {
		const openids = new Set(parseOpenids(this.getNodeParameter('openids', itemIndex)));
		if (!openids.size) {
			throw new NodeOperationError(this.getNode(), `Input item ${itemIndex + 1} has no OpenID in "OpenIDs"`, {
				description: 'Set "OpenIDs" to an OpenID, a list of OpenIDs, or an expression that reads them from the input item, e.g. {{ $json.openid }}.',
				itemIndex,
			});
		}
		// Items with the same message (and key, if the user set one) go out together.
		const key = idempotencyKeyOf(this, itemIndex, { list: true, message, key: options.idempotencyKey ?? '' });
		return { itemIndexes: [itemIndex], path: '/cgi-bin/message/mass/send', body: message, openids, key };
	}
	const filter = target === 'all' ? { is_to_all: true } : { is_to_all: false, tag_id: tagIdOf(this, itemIndex) };
	const body = { filter, ...message };
	return { itemIndexes: [itemIndex], path: '/cgi-bin/message/mass/sendall', body, key: idempotencyKeyOf(this, itemIndex, body) };
}

/** Sends one job; a list job may take several requests, each with its own key. */
async function sendJob(this: ThisParameterType<BatchOperationExecute>, job: MassJob, client: Parameters<BatchOperationExecute>[1]): Promise<IDataObject> {
	const itemIndex = job.itemIndexes[0];
	if (!job.openids) {
		const response = await submit(client, job.path, { ...job.body, clientmsgid: job.key }, itemIndex);
		return { to: job.body.filter, ...response, clientmsgid: job.key };
	}
	if (job.openids.size < MIN_LIST_RECIPIENTS) {
		throw new NodeOperationError(this.getNode(), 'A mass message to a list needs at least 2 OpenIDs', {
			description: 'To reach one follower use Mass Message → Preview, a customer-service message or a template message.',
			itemIndex,
		});
	}
	const chunks = balancedChunks([...job.openids]);
	const requests: IDataObject[] = [];
	for (let index = 0; index < chunks.length; index++) {
		const clientmsgid = chunks.length === 1 ? job.key : `${job.key.slice(0, 52)}-${index + 1}of${chunks.length}`;
		const response = await submit(client, job.path, { touser: chunks[index], ...job.body, clientmsgid }, itemIndex);
		requests.push({ ...response, recipients: chunks[index].length, clientmsgid });
	}
	return { recipients: job.openids.size, requests };
}

async function submit(client: Parameters<BatchOperationExecute>[1], path: string, body: IDataObject, itemIndex: number): Promise<IDataObject> {
	const response = await client.request<IDataObject>(
		{ method: 'POST', path, body, repeat: 'keyed', acceptErrcodes: [ALREADY_SUBMITTED] },
		itemIndex,
	);
	return {
		msg_id: response.msg_id,
		...(response.msg_data_id !== undefined ? { msg_data_id: response.msg_data_id } : {}),
		already_submitted: Number(response.errcode) === ALREADY_SUBMITTED,
	};
}

/**
 * Splits a list into the fewest requests WeChat accepts (at most 10,000 each), balanced so that
 * none has fewer than 2: 10,001 OpenIDs are 5,001 + 5,000, not 10,000 + 1.
 */
export function balancedChunks(openids: string[]): string[][] {
	const count = Math.ceil(openids.length / MAX_LIST_RECIPIENTS);
	const size = Math.ceil(openids.length / count);
	const chunks: string[][] = [];
	for (let start = 0; start < openids.length; start += size) chunks.push(openids.slice(start, start + size));
	return chunks;
}
