import type { INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import { limitOf, listOptions, returnAllOrLimit, startAfterOf } from '../../helpers/listParameters';
import { pullOpenidList } from '../../transport/pagination';
import { DEFAULT_PROFILE_CONCURRENCY, fetchProfiles, languageOption } from './profiles';
import type { OperationExecute } from '../node.type';

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Include Profile',
		name: 'includeProfile',
		type: 'boolean',
		default: false,
		description:
			'Whether to add each follower\'s profile: subscribe time (also as an ISO date), subscribe scene, UnionID (when the account is linked to an Open Platform account), remark, tag IDs, language and QR scene. WeChat no longer returns nickname, avatar, gender or region. Costs one request per 100 followers.',
	},
	listOptions('followers', [
		{ ...languageOption, displayOptions: { show: { '/includeProfile': [true] } } },
		{
			displayName: 'Parallel Profile Requests',
			name: 'profileConcurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 20 },
			default: DEFAULT_PROFILE_CONCURRENCY,
			description:
				'How many profile requests (100 followers each) to have in flight at once. Lower it if WeChat reports its per-minute limit.',
			displayOptions: { show: { '/includeProfile': [true] } },
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['follower'], operation: ['getAll'] } }, properties);

interface ProfileOptions {
	lang?: string;
	profileConcurrency?: number;
}

/** Get followers: every OpenID of the account (or up to a limit), one item each, optionally with its profile. */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const limit = limitOf(this, itemIndex);
	const includeProfile = this.getNodeParameter('includeProfile', itemIndex, false) as boolean;
	const options = this.getNodeParameter('options', itemIndex, {}) as ProfileOptions;
	const pairedItem = { item: itemIndex };

	// One pairedItem object for all items of an input item, as n8n's constructExecutionMetaData does.
	const emitOpenids = (openids: string[]) => {
		for (const openid of openids) output.push({ json: { openid }, pairedItem });
	};
	// A page's followers are output once all their profiles arrived, in list order; a failure
	// leaves the whole page out, so the resume point stays before it.
	const emitProfiles = async (openids: string[]) => {
		const outcomes = await fetchProfiles(
			client,
			openids.map((id) => ({ id, itemIndex })),
			{ lang: options.lang ?? 'zh_CN', concurrency: options.profileConcurrency ?? DEFAULT_PROFILE_CONCURRENCY, continueOnError: false },
		);
		for (const outcome of outcomes) if (outcome.error) throw outcome.error;
		for (const outcome of outcomes) for (const profile of outcome.result!) output.push({ json: profile, pairedItem });
	};

	await pullOpenidList.call(this, client, {
		startAfter: startAfterOf(this, itemIndex),
		limit,
		itemIndex,
		noun: 'followers',
		resumeParameter: 'Start After OpenID',
		request: (cursor) => ({ method: 'GET', path: '/cgi-bin/user/get', qs: cursor ? { next_openid: cursor } : {} }),
		emit: includeProfile ? emitProfiles : emitOpenids,
	});
};
