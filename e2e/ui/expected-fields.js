// What a user must see in the node panel for each resource and operation, by label, written by
// hand from README.md and docs/ (not read from the node's description: removing a field from the
// code must fail the browser test). Labels marked "editor" are not named in the docs; they are
// the label the editor shows for a field the docs describe (e.g. "Template" is a dropdown, which
// n8n labels "... Name or ID"). An operation without fields maps to []. The Credential, Resource
// and Operation fields are checked for every operation.
'use strict';

const list = ['Return All', 'Limit'];
const comment = ['Message Data ID', 'Article Number'];
const oneComment = [...comment, 'Comment ID'];
const dateRange = ['Date Range'];

module.exports = {
	Follower: {
		'Get Many': [...list, 'Include Profile', 'Output', 'Options'],
		Get: ['OpenID', 'Options'],
		'Update Remark': ['OpenID', 'Remark'],
	},
	Tag: {
		Create: ['Name'],
		'Get Many': list,
		Update: ['Tag', 'New Name'],
		Delete: ['Tag'],
		'Add Followers': ['Tag', 'OpenIDs'],
		'Remove Followers': ['Tag', 'OpenIDs'],
		'Get Followers': ['Tag', ...list, 'Output', 'Options'],
		'Get Follower Tags': ['OpenID'],
	},
	Blacklist: {
		'Get Many': [...list, 'Output', 'Options'],
		Add: ['OpenIDs'],
		Remove: ['OpenIDs'],
	},
	Quota: { Get: ['API Path'] },
	Message: { Reply: ['Reply Type', 'Text'] },
	'Template Message': {
		Send: ['OpenID', 'Template Name or ID' /* editor */, 'Options'],
		'Get Templates': [],
		'Delete Template': ['Template Name or ID' /* editor */],
		'Add Template': ['Library Template ID' /* editor */, 'Keywords' /* editor */],
		'Get Industry': [],
		'Set Industry': ['Primary Industry' /* editor */, 'Secondary Industry' /* editor */],
	},
	'Customer Service Message': {
		Send: ['OpenID', 'Message Type', 'Text', 'Options'],
		Typing: ['OpenID', 'Command' /* editor */],
	},
	'Mass Message': {
		Send: ['Send To', 'Message Type', 'Media ID', 'Options'],
		Preview: ['OpenID', 'Message Type', 'Media ID'],
		'Get Status': ['Message ID' /* editor */],
		Delete: ['Message ID' /* editor */, 'Article Number'],
		'Get Speed': [],
		'Set Speed': ['Speed'],
	},
	'Subscription Notice': {
		Send: ['OpenID', 'Template Name or ID' /* editor */, 'Options'],
		'Get Templates': [],
	},
	Draft: {
		Create: ['Define Articles', 'Articles'],
		Get: ['Draft Media ID'],
		Update: ['Draft Media ID', 'Article Number', 'Define Articles', 'Article'],
		Delete: ['Draft Media ID'],
		'Get Many': [...list, 'Include Article HTML'],
		Count: [],
	},
	Publication: {
		Publish: ['Draft Media ID', 'Wait for Result', 'Max Wait (Seconds)', 'Options'],
		'Get Status': ['Publish ID'],
		'Get Many': [...list, 'Include Article HTML'],
		'Get Article': ['Article ID'],
		Delete: ['Article ID', 'Scope', 'Article Number'],
	},
	Comment: {
		Open: comment,
		Close: comment,
		'Get Many': [...comment, 'Comment Type', ...list],
		Elect: oneComment,
		Unelect: oneComment,
		Delete: oneComment,
		Reply: [...oneComment, 'Reply'],
		'Delete Reply': oneComment,
	},
	Menu: {
		Create: ['Define Menu', 'Buttons'],
		Get: [],
		'Get Current': [],
		Delete: [],
		'Create Conditional': ['Define Menu', 'Buttons', 'Tag Name or ID', 'Client Platform'],
		'Delete Conditional': ['Menu ID'],
		'Try Match': ['User ID'],
	},
	'QR Code': {
		Create: ['Code Type', 'Scene Type', 'Scene', 'Expires In (Seconds)', 'Options'],
		'Get Image': ['Ticket', 'Options'],
	},
	'Short Link': {
		Create: ['Data to Shorten', 'Expires In (Seconds)'],
		Resolve: ['Short Key'],
	},
	Analytics: {
		'Get Follower Growth': [...dateRange, 'Output'],
		'Get Follower Totals': dateRange,
		'Get Article Summary': dateRange,
		'Get Article Totals': dateRange,
		'Get Article Reads': [...dateRange, 'Granularity' /* editor */],
		'Get Article Shares': [...dateRange, 'Granularity' /* editor */],
		'Get Message Stats': [...dateRange, 'Report'],
		'Get API Stats': [...dateRange, 'Granularity' /* editor */],
	},
	Media: {
		Upload: ['Type', 'Input Binary Field'],
		Download: ['Media ID', 'Options'],
		'Add Material': ['Type', 'Input Binary Field'],
		'Get Material': ['Media ID', 'Options'],
		'Delete Material': ['Media ID'],
		'Get Many': ['Material Type', ...list],
		'Count Materials': [],
		'Upload Article Image': ['Input Binary Field'],
	},
};
