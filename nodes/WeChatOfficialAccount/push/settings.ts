import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { aesKeyOf, isEncodingAesKey } from './crypto';

/** The account's "Message Encryption Method" (消息加解密方式) in WeChat's server configuration. */
export type MessageEncryption = 'plaintext' | 'compatible' | 'safe';

/** What the trigger and the Reply operation need from the credential. */
export interface PushSettings {
	token: string;
	appId: string;
	encryption: MessageEncryption;
	/** present when the credential has a valid EncodingAESKey */
	aesKey?: Buffer;
}

/** Why the credential cannot verify pushes: `message` and `description` say which field to fix. */
export interface PushSettingsProblem {
	problem: { message: string; description: string };
}

const WHERE = 'WeChat Official Accounts Platform → Settings and Development → Basic Configuration → Server Configuration';

const problem = (message: string, description: string): PushSettingsProblem => ({ problem: { message, description } });

/** Reads and checks the message-push fields of a credential. */
export function pushSettingsOf(credentials: ICredentialDataDecryptedObject): PushSettings | PushSettingsProblem {
	const token = String(credentials.messageToken ?? '').trim();
	const encodingAesKey = String(credentials.encodingAesKey ?? '').trim();
	const encryption = (credentials.messageEncryption ?? 'safe') as MessageEncryption;
	const appId = String(credentials.appId ?? '').trim();
	if (!token) {
		return problem(
			'The credential has no Message Token',
			`Copy the Token of the account's server configuration into the credential's "Message Token" field (${WHERE}).`,
		);
	}
	if (encodingAesKey && !isEncodingAesKey(encodingAesKey)) {
		return problem(
			`The credential's EncodingAESKey is not valid: it has ${encodingAesKey.length} characters, WeChat's has 43 letters and digits`,
			`Copy the EncodingAESKey of the server configuration again (${WHERE}).`,
		);
	}
	if (encryption !== 'plaintext' && !encodingAesKey) {
		return problem(
			`The credential's Message Encryption is "${encryption === 'safe' ? 'Safe Mode' : 'Compatible Mode'}" but it has no EncodingAESKey`,
			`Copy the EncodingAESKey of the server configuration into the credential (${WHERE}), or set Message Encryption to what the account uses.`,
		);
	}
	if (encodingAesKey && !appId) {
		return problem('The credential has no AppID', 'Encrypted messages name the AppID they are for; enter the AppID of the account.');
	}
	return { token, appId, encryption, ...(encodingAesKey ? { aesKey: aesKeyOf(encodingAesKey) } : {}) };
}
