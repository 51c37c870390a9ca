/**
 * Errcodes of the content and growth APIs: drafts, publishing, comments, menus, QR codes, short
 * links and analytics. All of them fail the call (none is worth repeating); `errcodes.ts` asks
 * here before its generic message. One section per API family; keep each section's codes together.
 */
export function explainContentErrcode(errcode: number): { message: string; description: string } | undefined {
	switch (errcode) {
		// ── Drafts and publishing ───────────────────────────────────────────────────────────
		case 44003:
			return {
				message: 'The draft has no article, or an article is missing a required field',
				description: 'Each article needs a title, content and a thumbnail media ID (permanent material: Media → Add Material with type Image or Thumb).',
			};
		case 45004:
			return { message: 'The digest is too long', description: 'WeChat accepts a digest (summary) of up to 120 characters.' };
		case 45003:
			return { message: 'The title is too long', description: 'WeChat accepts titles of up to 64 characters.' };
		case 45110:
			return { message: 'The author name is too long', description: 'WeChat accepts author names of up to 16 characters.' };
		case 53404:
			return {
				message: 'WeChat refused to save the draft: its content failed WeChat\'s check',
				description: 'Review the article content (links, images from other sites, words WeChat restricts) and try again.',
			};
		case 53503:
			return {
				message: 'The draft did not pass WeChat\'s publishing check',
				description: 'Open the draft in the WeChat Official Accounts Platform (Content → Drafts) to see what WeChat objects to, fix it there or in the workflow, and publish again.',
			};
		case 53504:
			return {
				message: 'This draft must be published from the WeChat Official Accounts Platform',
				description: 'WeChat allows publishing some drafts (e.g. those with content only the platform\'s editor creates) only from the platform. Publish it there.',
			};
		case 53505:
			return {
				message: 'WeChat asks to save the draft manually before it can be published',
				description: 'Open the draft in the WeChat Official Accounts Platform, save it, and publish again.',
			};
		case 53600:
			return {
				message: 'WeChat does not know this article ID',
				description: 'Use the article_id of a published article (Publication → Get Status or Get Many shows it); a deleted article is gone.',
			};
		// ── Comments ────────────────────────────────────────────────────────────────────────
		case 88000:
			return {
				message: 'The account has no permission to manage comments',
				description: 'Comment management needs the comment feature to be enabled for the account (WeChat Official Accounts Platform → Interactions → Comments) and a verified account.',
			};
		case 88001:
			return {
				message: 'WeChat does not know this article',
				description: 'Use the msg_data_id of a published article (from Publication → Publish or Get Status) and the article\'s index within it, starting at 0.',
			};
		case 88002:
			return { message: 'The article index is out of range', description: 'Articles of one publication are numbered from 0.' };
		case 88003:
			return { message: 'The article already has the most elected comments WeChat allows', description: 'Unelect a comment before electing another.' };
		case 88004:
			return { message: 'The comment was deleted (by its author or the account)', description: 'It can no longer be elected, replied to or deleted.' };
		case 88005:
			return { message: 'The comment already has a reply', description: 'Delete the reply first (Comment → Delete Reply) to reply again.' };
		case 88007:
			return { message: 'The reply is empty or too long', description: 'Write a reply of 1 to 1,000 characters.' };
		case 88008:
			return { message: 'WeChat does not know this comment', description: 'Use a user_comment_id that Comment → Get Many returned for the same article.' };
		case 88010:
			return { message: 'WeChat refused the page size of the comment list', description: 'Comments are listed 50 at a time at most; this is a bug in the node, please report it.' };
		// ── Menus ───────────────────────────────────────────────────────────────────────────
		case 40016:
			return { message: 'The menu has the wrong number of buttons', description: 'A menu has 1 to 3 top-level buttons.' };
		case 40017:
			return { message: 'A button has a type WeChat does not know', description: 'Use click, view, miniprogram, scancode_push, scancode_waitmsg, pic_sysphoto, pic_photo_or_album, pic_weixin, location_select, media_id, article_id or article_view_limited.' };
		case 40018:
			return { message: 'A top-level button name is too long', description: 'Top-level names are up to 16 bytes (4 Chinese characters or 16 letters).' };
		case 40019:
			return { message: 'A button key is too long', description: 'Keys are up to 128 bytes.' };
		case 40023:
			return { message: 'A button has too many sub-buttons', description: 'A top-level button has at most 5 sub-buttons.' };
		case 40024:
			return { message: 'A sub-button has a type WeChat does not know', description: 'Use one of the button types the node offers.' };
		case 40025:
			return { message: 'A sub-button name is too long', description: 'Sub-button names are up to 60 bytes (20 Chinese characters).' };
		case 40026:
			return { message: 'A sub-button key is too long', description: 'Keys are up to 128 bytes.' };
		case 40027:
			return { message: 'A sub-button URL is too long or invalid', description: 'URLs are up to 1,024 bytes and start with http:// or https://.' };
		case 40054:
		case 40055:
			return { message: 'A button URL is invalid', description: 'URLs start with http:// or https:// and are up to 1,024 bytes.' };
		case 46003:
			return { message: 'The account has no menu', description: 'Create one with Menu → Create, or in the WeChat Official Accounts Platform.' };
		case 65301:
			return { message: 'WeChat does not know this conditional menu', description: 'Menu → Get lists the conditional menus with their menuid.' };
		case 65302:
			return { message: 'WeChat does not know this follower', description: 'Try Match takes the OpenID (or WeChat ID) of a follower of the account.' };
		case 65303:
			return { message: 'No menu applies to this follower', description: 'The account has no default menu, and no conditional menu matches the follower.' };
		case 65304:
			return { message: 'The conditional menu has no match rule', description: 'Set at least one rule (tag, client platform) for a conditional menu.' };
		case 65305:
			return { message: 'The account has the most conditional menus WeChat allows', description: 'Delete a conditional menu that is no longer used (Menu → Delete Conditional) and try again.' };
		case 65306:
			return { message: 'The account may not have conditional menus', description: 'Conditional menus need a verified account.' };
		// ── QR codes and short links ────────────────────────────────────────────────────────
		case 40097:
			return { message: 'WeChat refused a parameter', description: 'Check the scene (temporary: 1 to 4,294,967,295, permanent: 1 to 100,000, text: 1 to 64 characters) and the expiry (60 seconds to 30 days).' };
		case 45029:
			return { message: 'The account has the most permanent QR codes WeChat allows (100,000)', description: 'Use temporary QR codes (up to 30 days), or reuse the scenes of permanent codes no longer printed.' };
		// ── Analytics (datacube) ────────────────────────────────────────────────────────────
		case 61500:
			return { message: 'WeChat refused the date format', description: 'Dates are yyyy-MM-dd; this is a bug in the node, please report it.' };
		case 61501:
			return {
				message: 'WeChat refused the date range',
				description:
					'Analytics cover yesterday and earlier (Beijing time), from 2014-12-01 on, and the node checks this before asking. If WeChat still refuses the latest day, it has not finished computing it: yesterday\'s data appears in the morning, Beijing time; run again later (e.g. after 09:00 Beijing time).',
			};
		default:
			return undefined;
	}
}
