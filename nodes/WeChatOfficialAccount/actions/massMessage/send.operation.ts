import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import { parseOpenids } from '../../helpers/openids';
import type { SendOutcome, RunStop } from '../../transport/sendEach';
import { appendDescription, settleRun, stopFor } from '../../transport/sendEach';
import type { BatchOperationExecute } from '../node.type';
import { derivedKey, idempotencyKeyOption, ownIdempotencyKeyOf } from '../sending';
import { tagIdField, tagIdOf } from '../tag/fields';
import { massContentProperties, massMessageOf } from './content';

/** WeChat's bounds for a mass message to a list of OpenIDs (message/mass/send). */
const MIN_LIST_RECIPIENTS = 2;
const MAX_LIST_RECIPIENTS = 10_000;

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
	/** list sends: the recipients, each once */
	openids?: Set<string>;
	/** what makes the job itself: audience, content and the user's key */
	identity: string;
	/** the user's Idempotency Key, if set */
	ownKey: string;
}

/**
 * Mass messages. Input items asking for the same message to the same audience are one job (a
 * hundred items from a follower pull do not send a hundred mass messages). Every request carries
 * a `clientmsgid`: WeChat runs a job once per key within 24 hours and answers a repeat with the
 * job it has (45065), so a repeat after a lost answer, or a re-run of the workflow, sends nothing
 * twice and is reported as already submitted. A list of OpenIDs is sorted and split into balanced
 * requests of 2 to 10,000, each keyed by the message and its own recipients: the same list
 * (in any order) gives the same requests, a different list different ones.
 */
export const executeBatch: BatchOperationExecute = async function (itemIndexes, client, continueOnFail) {
	const outcomes = new Map<number, SendOutcome>();
	const jobs = new Map<string, MassJob>();
	for (const itemIndex of itemIndexes) {
		try {
			const job = jobOf.call(this, itemIndex);
			const existing = jobs.get(job.identity);
			if (!existing) jobs.set(job.identity, job);
			else {
				existing.itemIndexes.push(itemIndex);
				for (const openid of job.openids ?? []) existing.openids?.add(openid);
			}
		} catch (error) {
			outcomes.set(itemIndex, { itemIndex, error: error as Error });
		}
	}
	refuseSharedKeys.call(this, jobs, outcomes);
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

/**
 * WeChat runs one job per key: two different messages (or audiences) under one user key would
 * send only the first. Such jobs are refused before anything is sent.
 */
function refuseSharedKeys(this: ThisParameterType<BatchOperationExecute>, jobs: Map<string, MassJob>, outcomes: Map<number, SendOutcome>) {
	const byKey = new Map<string, MassJob[]>();
	for (const job of jobs.values()) if (job.ownKey) byKey.set(job.ownKey, [...(byKey.get(job.ownKey) ?? []), job]);
	for (const [key, sharing] of byKey) {
		if (sharing.length < 2) continue;
		const items = sharing.map((job) => job.itemIndexes[0] + 1).join(', ');
		for (const job of sharing) {
			jobs.delete(job.identity);
			for (const itemIndex of job.itemIndexes) {
				const error = new NodeOperationError(this.getNode(), `Items ${items} share the Idempotency Key "${key}" but ask for different mass messages`, {
					description: 'WeChat sends one mass message per key: only the first would go out. Give each message its own key, or leave the key empty.',
					itemIndex,
				});
				error.context.sent = false;
				outcomes.set(itemIndex, { itemIndex, error });
			}
		}
	}
}

function jobOf(this: ThisParameterType<BatchOperationExecute>, itemIndex: number): MassJob {
	const target = this.getNodeParameter('target', itemIndex) as 'all' | 'tag' | 'list';
	const options = this.getNodeParameter('options', itemIndex, {}) as { sendIgnoreReprint?: boolean };
	const ownKey = ownIdempotencyKeyOf(this, itemIndex);
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
		// Items with the same message (and key) go out together, to all their OpenIDs.
		const identity = derivedKey({ list: true, message, ownKey });
		return { itemIndexes: [itemIndex], path: '/cgi-bin/message/mass/send', body: message, openids, identity, ownKey };
	}
	const filter = target === 'all' ? { is_to_all: true } : { is_to_all: false, tag_id: tagIdOf(this, itemIndex) };
	const body = { filter, ...message };
	return { itemIndexes: [itemIndex], path: '/cgi-bin/message/mass/sendall', body, identity: derivedKey({ body, ownKey }), ownKey };
}

/** Sends one job; a list job may take several requests, each with its own key. */
async function sendJob(this: ThisParameterType<BatchOperationExecute>, job: MassJob, client: Parameters<BatchOperationExecute>[1]): Promise<IDataObject> {
	const itemIndex = job.itemIndexes[0];
	if (!job.openids) {
		const clientmsgid = job.ownKey || derivedKey({ body: job.body });
		const response = await submit(client, job.path, { ...job.body, clientmsgid }, itemIndex);
		return { to: job.body.filter, ...response, clientmsgid };
	}
	if (job.openids.size < MIN_LIST_RECIPIENTS) {
		throw new NodeOperationError(this.getNode(), 'A mass message to a list needs at least 2 OpenIDs', {
			description: 'To reach one follower use Mass Message → Preview, a customer-service message or a template message.',
			itemIndex,
		});
	}
	// Sorted, so the same recipients in another order make the same requests with the same keys.
	const chunks = balancedChunks([...job.openids].sort());
	const requests: IDataObject[] = [];
	for (const chunk of chunks) {
		const clientmsgid = derivedKey({ message: job.body, ownKey: job.ownKey, recipients: chunk });
		const outcome = await submit(client, job.path, { touser: chunk, ...job.body, clientmsgid }, itemIndex).then(
			(response) => ({ response }),
			(error: Error) => ({ error }),
		);
		if ('error' in outcome) {
			// The requests before this one were submitted: say so, the whole job fails.
			if (requests.length) {
				const done = requests.map((request) => request.msg_id).join(', ');
				appendDescription(
					outcome.error,
					`${requests.length} of ${chunks.length} requests of this list were submitted before (msg_id ${done}); running the same OpenIDs again within 24 hours submits only the others.`,
				);
			}
			throw outcome.error;
		}
		requests.push({ ...outcome.response, recipients: chunk.length, clientmsgid });
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
