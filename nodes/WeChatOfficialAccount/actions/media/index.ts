import type { INodeProperties } from 'n8n-workflow';

// Media operations follow in the next commit.
export const description: INodeProperties[] = [];
