import type { INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import { fileNameOption, listOutputProperties, outputList } from '../../helpers/listOutput';
import { limitOf, listOptions, returnAllOrLimit, startAfterOf } from '../../helpers/listParameters';
import { pullOpenidList } from '../../transport/pagination';
import { DEFAULT_PROFILE_CONCURRENCY, PROFILE_COLUMNS, fetchProfiles, languageOption } from './profiles';
import type { OperationExecute } from '../node.type';

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Include Profile',
		name: 'includeProfile',
		type: 'boolean',
		default: false,
		description:
			'Whether to add each follower\'s profile: subscribe time (also as an ISO date), subscribe scene, UnionID (when the account is linked to an Open Platform account), remark, tag IDs, language and QR scene. WeChat no longer returns nickname, avatar, gender or region, so they are left out. Costs one request per 100 followers.',
	},
	...listOutputProperties('Follower', 'followers'),
	listOptions('followers', [
		fileNameOption('followers.csv'),
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

/**
 * Get followers: every OpenID of the account (or up to a limit), optionally with its profile,
 * as one item each, one item per page, or one file (helpers/listOutput.ts).
 */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const limit = limitOf(this, itemIndex);
	const includeProfile = this.getNodeParameter('includeProfile', itemIndex, false) as boolean;
	const options = this.getNodeParameter('options', itemIndex, {}) as ProfileOptions;

	// A page's profiles are handed on once all of them arrived, in list order; a failure leaves
	// the whole page out, so the resume point stays before it.
	const profilesOf = async (openids: string[]) => {
		const outcomes = await fetchProfiles(
			client,
			openids.map((id) => ({ id, itemIndex })),
			{ lang: options.lang ?? 'zh_CN', concurrency: options.profileConcurrency ?? DEFAULT_PROFILE_CONCURRENCY, continueOnError: false },
		);
		for (const outcome of outcomes) if (outcome.error) throw outcome.error;
		return outcomes.flatMap((outcome) => outcome.result!);
	};

	await outputList.call(this, itemIndex, output, {
		noun: 'followers',
		baseName: 'followers',
		profiles: includeProfile ? profilesOf : undefined,
		profileColumns: PROFILE_COLUMNS,
		pull: async (emit, how) =>
			await pullOpenidList.call(this, client, {
				startAfter: startAfterOf(this, itemIndex),
				limit,
				itemIndex,
				noun: 'followers',
				resumeParameter: 'Start After OpenID',
				request: (cursor) => ({ method: 'GET', path: '/cgi-bin/user/get', qs: cursor ? { next_openid: cursor } : {} }),
				emit,
				...how,
			}),
	});
};
