import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { invalidParameter, requiredTextOf } from '../../helpers/itemParameters';
import { updateDisplayOptions } from '../../helpers/displayOptions';
import { isCancelled, waitUnlessCancelled } from '../../transport/request';
import type { OperationExecute } from '../node.type';
import { publishFailure, statusItem } from './status';

/** Each wait between polls grows by this factor, up to MAX_POLL_INTERVAL_S. */
const POLL_GROWTH = 1.5;
const MAX_POLL_INTERVAL_S = 30;
/** The range of Max Wait and First Poll After, in seconds, also when an expression sets them. */
const MAX_WAIT_RANGE = { min: 1, max: 3600 } as const;
const FIRST_POLL_RANGE = { min: 0.01, max: 3600 } as const;

export const description = updateDisplayOptions({ show: { resource: ['publication'], operation: ['publish'] } }, [
	{
		displayName: 'Draft Media ID',
		name: 'mediaId',
		type: 'string',
		required: true,
		default: '={{ $json.media_id }}',
		description: 'The media_id of the draft to publish, as Draft → Create returned it',
	},
	{
		displayName: 'Wait for Result',
		name: 'waitForResult',
		type: 'boolean',
		default: true,
		description:
			'Whether to wait until WeChat reports the outcome and output the article URLs; otherwise output the publish_id at once (read the outcome later with Get Status)',
	},
	{
		displayName: 'Max Wait (Seconds)',
		name: 'maxWait',
		type: 'number',
		typeOptions: { minValue: MAX_WAIT_RANGE.min, maxValue: MAX_WAIT_RANGE.max },
		default: 300,
		description: 'How long to wait for the outcome before the item fails with the publish_id to check later',
		displayOptions: { show: { waitForResult: [true] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { waitForResult: [true] } },
		options: [
			{
				displayName: 'First Poll After (Seconds)',
				name: 'pollInterval',
				type: 'number',
				typeOptions: { minValue: FIRST_POLL_RANGE.min, maxValue: FIRST_POLL_RANGE.max, numberPrecision: 2 },
				default: 3,
				description: `How long to wait before asking WeChat the first time; each later wait is ${POLL_GROWTH} times longer, up to ${MAX_POLL_INTERVAL_S} seconds`,
			},
		],
	},
]);

/**
 * The waits before each poll: first, first × 1.5, ... capped at 30 s, while their sum stays within
 * Max Wait. Fixed in advance, so the number of polls does not depend on how fast WeChat answers.
 */
export function pollSchedule(firstSeconds: number, maxWaitSeconds: number): number[] {
	const waits: number[] = [];
	let next = firstSeconds;
	let total = 0;
	while (total + next <= maxWaitSeconds + 1e-9) {
		waits.push(next);
		total += next;
		next = Math.min(next * POLL_GROWTH, MAX_POLL_INTERVAL_S);
	}
	// A Max Wait shorter than the first wait still asks once, at its end.
	return waits.length > 0 ? waits : [maxWaitSeconds];
}

/**
 * Submits a draft for publishing (freepublish/submit), then, with Wait for Result, polls
 * freepublish/get until WeChat reports the outcome. A success outputs the status item with the
 * article URLs; a failure (publish_status 2, 3, 4) and a timeout fail the item with the
 * publish_id. The submit is not repeated after it may have reached WeChat: it could publish twice.
 */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const mediaId = requiredTextOf(
		this,
		itemIndex,
		'mediaId',
		'Draft Media ID',
		'Set "Draft Media ID" to the media_id of the draft, e.g. with the expression {{ $json.media_id }} after Draft → Create.',
	);
	const wait = this.getNodeParameter('waitForResult', itemIndex) as boolean;
	let schedule: number[] = [];
	if (wait) {
		const maxWait = secondsOf(this, itemIndex, this.getNodeParameter('maxWait', itemIndex), 'Max Wait (Seconds)', MAX_WAIT_RANGE);
		const { pollInterval = 3 } = this.getNodeParameter('options', itemIndex, {}) as { pollInterval?: unknown };
		const firstPoll = secondsOf(this, itemIndex, pollInterval, 'First Poll After (Seconds)', FIRST_POLL_RANGE);
		schedule = pollSchedule(firstPoll, maxWait);
	}

	const submitted = await client.request<IDataObject>(
		{
			method: 'POST',
			path: '/cgi-bin/freepublish/submit',
			body: { media_id: mediaId },
			repeat: 'once',
			mayHaveHappened: 'The draft may have been submitted for publishing',
		},
		itemIndex,
	);
	const publishId = submitted.publish_id;
	const fromSubmit: IDataObject = { media_id: mediaId, msg_data_id: submitted.msg_data_id };
	if (!wait) {
		output.push({
			json: { publish_id: publishId, publish_status: 1, status: 'publishing', ...fromSubmit },
			pairedItem: { item: itemIndex },
		});
		return;
	}

	let waited = 0;
	for (const seconds of schedule) {
		if (isCancelled(this)) break;
		await waitUnlessCancelled(this, seconds * 1000);
		waited += seconds;
		if (isCancelled(this)) break;
		// A failed poll must not lose the publish_id: the draft is publishing whatever happens here.
		const answer = await client
			.request<IDataObject>(
				{ method: 'POST', path: '/cgi-bin/freepublish/get', body: { publish_id: publishId } },
				itemIndex,
			)
			.then(
				(value) => value,
				(error: Error & { description?: string | null }) => {
					const wrapped = new NodeOperationError(
						this.getNode(),
						`The draft was submitted (publish_id ${String(publishId)}), but reading its status failed: ${error.message}`,
						{
							description: `${error.description ? `${error.description} ` : ''}Do not publish it again: use Publication → Get Status with publish_id ${String(publishId)} to read the outcome.`,
							itemIndex,
						},
					);
					Object.assign(wrapped.context, { publish_id: publishId, ...fromSubmit });
					throw wrapped;
				},
			);
		if (Number(answer.publish_status) === 1) continue;
		const failure = publishFailure(this.getNode(), itemIndex, answer, fromSubmit);
		if (failure) throw failure;
		output.push({ json: statusItem(answer, fromSubmit), pairedItem: { item: itemIndex } });
		return;
	}
	const error = new NodeOperationError(
		this.getNode(),
		`${isCancelled(this) ? 'Stopped waiting' : `The draft is still publishing after ${Math.round(waited)} s`}: publish_id ${String(publishId)}`,
		{
			description: `WeChat accepted the draft for publishing (publish_id ${String(publishId)}, msg_data_id ${String(submitted.msg_data_id)}) and had not reported the outcome yet. Do not publish it again: use Publication → Get Status with publish_id ${String(publishId)} to read the outcome and the article URLs later, or raise "Max Wait".`,
			itemIndex,
		},
	);
	Object.assign(error.context, { publish_id: publishId, ...fromSubmit });
	throw error;
};

/**
 * A number of seconds within `range`, from a parameter an expression may set to anything
 * ("Infinity", 1e7, text): refused before anything is sent, so no wait is unbounded.
 */
function secondsOf(context: IExecuteFunctions, itemIndex: number, raw: unknown, field: string, range: { min: number; max: number }): number {
	const seconds = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
	if (!(Number.isFinite(seconds) && seconds >= range.min && seconds <= range.max)) {
		throw invalidParameter(
			context,
			itemIndex,
			field,
			`must be from ${range.min} to ${range.max.toLocaleString('en-US')} seconds, not ${typeof raw === 'number' ? String(raw) : (JSON.stringify(raw) ?? String(raw))}`,
			`Set "${field}" to a number of seconds from ${range.min} to ${range.max.toLocaleString('en-US')}, typed in or from an expression. To follow a job for longer, publish without "Wait for Result" and read its outcome later with Publication → Get Status.`,
		);
	}
	return seconds;
}
