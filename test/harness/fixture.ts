import type { ICredentialDataDecryptedObject, INodeExecutionData, INodePropertyOptions } from 'n8n-workflow';

import type { SimulatorOptions } from '../simulator/simulator';
import { WeChatSimulator } from '../simulator/simulator';
import type { RunOptions } from './n8n';
import { CredentialStore, loadOptions, resourceMapping, runNode } from './n8n';

/** A simulator on loopback and an n8n credential store pointing at it, torn down after each test. */
export class Fixture {
	readonly store = new CredentialStore();
	readonly credentialId = 'wechat-credential';

	private constructor(readonly sim: WeChatSimulator) {}

	static async start(options: SimulatorOptions = {}, credential: ICredentialDataDecryptedObject = {}): Promise<Fixture> {
		const sim = new WeChatSimulator(options);
		const baseUrl = await sim.start();
		const fixture = new Fixture(sim);
		fixture.store.add(fixture.credentialId, {
			appId: sim.appId,
			appSecret: sim.appSecret,
			apiDomain: 'custom',
			baseUrl,
			...credential,
		});
		return fixture;
	}

	async stop(): Promise<void> {
		await this.sim.stop();
	}

	/** What n8n has stored for the credential now. */
	stored(): ICredentialDataDecryptedObject {
		return this.store.get(this.credentialId).data;
	}

	/** One execution of any operation, e.g. run('tag.addFollowers', { tagId: 100 }, { input }). */
	async run(operation: Operation, parameters: Record<string, unknown> = {}, options: Partial<RunOptions> = {}): Promise<INodeExecutionData[]> {
		const [resource, name] = operation.split('.');
		return await runNode({
			store: this.store,
			credentialId: this.credentialId,
			parameters: { resource, operation: name, ...parameters },
			...options,
		});
	}

	/** What the editor shows in a dropdown filled by the node's loadOptions `method`. */
	async loadOptions(method: string, parameters: Record<string, unknown> = {}): Promise<INodePropertyOptions[]> {
		return await loadOptions({ store: this.store, credentialId: this.credentialId, parameters }, method);
	}

	/** The fields the editor offers in a resource mapper filled by the node's `method`. */
	async resourceMapping(method: string, parameters: Record<string, unknown> = {}) {
		return await resourceMapping({ store: this.store, credentialId: this.credentialId, parameters }, method);
	}

	/** One execution of Get followers with these parameters. */
	async getFollowers(
		parameters: Record<string, unknown> = { returnAll: true },
		options: Partial<RunOptions> = {},
	): Promise<INodeExecutionData[]> {
		return await runNode({
			store: this.store,
			credentialId: this.credentialId,
			parameters: { resource: 'follower', operation: 'getAll', ...parameters },
			...options,
		});
	}
}

export type Operation = `${
	| 'follower'
	| 'tag'
	| 'blacklist'
	| 'quota'
	| 'templateMessage'
	| 'customerServiceMessage'
	| 'massMessage'
	| 'subscriptionNotice'
	| 'media'
	| 'draft'
	| 'publication'
	| 'comment'
	| 'menu'
	| 'qrCode'
	| 'shortLink'
	| 'analytics'}.${string}`;

/** Input items carrying one OpenID each, as Follower → Get Many outputs them. */
export function openidItems(openids: readonly string[]): INodeExecutionData[] {
	return openids.map((openid) => ({ json: { openid } }));
}

export function openidsOf(items: INodeExecutionData[]): string[] {
	return items.filter((item) => item.json.openid !== undefined).map((item) => item.json.openid as string);
}

/** Runs `run` and returns the error it throws (failing the test if it does not). */
export async function errorOf(run: () => Promise<unknown>): Promise<Error & { description?: string; context?: Record<string, unknown> }> {
	try {
		await run();
	} catch (error) {
		return error as Error & { description?: string };
	}
	throw new Error('expected the execution to fail, it succeeded');
}
