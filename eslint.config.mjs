// n8n's own lint for community nodes: the config `n8n-node lint` uses, which applies the same
// rule sets (@n8n/eslint-plugin-community-nodes, eslint-plugin-n8n-nodes-base) as n8n's
// package scanner. Tests, the simulator and build scripts never ship, so they are not linted by it.
import { config } from '@n8n/node-cli/eslint';

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'test/**', 'e2e/**', 'bench/**', 'examples/**', 'coverage/**', '.tout/**', '*.js', '*.mjs'] },
	...config,
];
