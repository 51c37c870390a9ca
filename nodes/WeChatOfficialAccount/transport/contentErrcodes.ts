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
		case 45003:
			return { message: 'A title is too long', description: 'WeChat accepts titles of up to 32 characters.' };
		case 45004:
			return { message: 'A digest is too long', description: 'WeChat accepts a digest (summary) of up to 128 characters.' };
		case 45110:
			return { message: 'An author name is too long', description: 'WeChat accepts author names of up to 16 characters.' };
		case 40114:
			return {
				message: 'The article number is out of range',
				description: 'Draft → Update and Publication → Delete number articles from 1; Draft → Get shows how many articles a draft has.',
			};
		case 53404:
			return {
				message: 'WeChat refused the draft: the account may not sell products in articles',
				description: 'The account\'s product-selling ability is restricted: remove the products (product_info) from the articles and try again.',
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
				description: 'Comment management needs the comment feature enabled for the account in the WeChat Official Accounts Platform, and WeChat allows the comment API to verified accounts only.',
			};
		case 88001:
			return {
				message: 'WeChat does not know this article',
				description: 'Use the msg_data_id of published articles (Publication → Publish outputs it, also when it waits for the result; Mass Message → Send outputs it for articles sent to followers) and an Article Number the publication has (1 for the first article). Deleted publications and their comments are gone.',
			};
		case 88002:
		case 88011:
			return {
				message: 'WeChat restricts this article for safety: its comments cannot be opened',
				description: 'WeChat found content it restricts in the article. Check the article in the WeChat Official Accounts Platform; comments cannot be managed through the API while the restriction lasts.',
			};
		case 88003:
			return { message: 'The article already has the most elected comments WeChat allows', description: 'Unelect a comment (Comment → Unelect) before electing another.' };
		case 88004:
			return { message: 'The comment was deleted by its author', description: 'It can no longer be elected or replied to.' };
		case 88005:
			return {
				message: 'The comment already has a reply',
				description: 'A comment takes one reply. Comment → Get Many shows it; to replace it, delete it first (Comment → Delete Reply).',
			};
		case 88007:
			return { message: 'The reply is empty or longer than WeChat allows', description: 'Shorten the reply and run the item again.' };
		case 88008:
			return {
				message: 'WeChat does not know this comment',
				description: 'Use a user_comment_id that Comment → Get Many returned for the same article; a comment deleted by the account is gone.',
			};
		case 88009:
			return { message: 'The comment has no reply to delete', description: 'Comment → Get Many shows which comments have a reply.' };
		case 88010:
			return { message: 'WeChat refused the page size of the comment list', description: 'The node asks for at most 49 comments per page; if this persists, WeChat may have lowered the limit: please report it.' };
		// ── Menus ───────────────────────────────────────────────────────────────────────────
		// The node checks every menu rule before sending; these come back only if WeChat's rules
		// changed, or for what only WeChat knows (menu IDs, followers, the account's permissions).
		case 40016:
			return { message: 'The menu has the wrong number of buttons', description: 'A menu has 1 to 3 top-level buttons.' };
		case 40017:
			return { message: 'A button has a type WeChat does not know', description: 'Use click, view, miniprogram, scancode_push, scancode_waitmsg, pic_sysphoto, pic_photo_or_album, pic_weixin, location_select, media_id, article_id or article_view_limited.' };
		case 40018:
			return { message: 'A top-level button name is too long', description: 'Top-level names are up to 16 bytes (5 Chinese characters or 16 letters).' };
		case 40019:
			return { message: 'A button key is missing or too long', description: 'Keys are up to 128 bytes.' };
		case 40020:
			return { message: 'A button URL is missing or too long', description: 'URLs are up to 1,024 bytes and start with http:// or https://.' };
		case 40023:
			return { message: 'A button has too many sub-buttons', description: 'A top-level button has 1 to 5 sub-buttons.' };
		case 40024:
			return { message: 'A sub-button has a type WeChat does not know', description: 'Use one of the button types the node offers.' };
		case 40025:
			return { message: 'A sub-button name is too long', description: 'Sub-button names are up to 60 bytes (20 Chinese characters).' };
		case 40026:
			return { message: 'A sub-button key is missing or too long', description: 'Keys are up to 128 bytes.' };
		case 40027:
			return { message: 'A sub-button URL is missing or too long', description: 'URLs are up to 1,024 bytes and start with http:// or https://.' };
		case 40054:
		case 40055:
			return {
				message: 'WeChat refused the domain of a button URL',
				description: 'Use a full http:// or https:// address of a public domain (not an IP address or localhost). All conditional menus together may link to at most 3 domains.',
			};
		case 46003:
			return { message: 'The account has no menu', description: 'Create one with Menu → Create, or in the WeChat Official Accounts Platform.' };
		case 65301:
			return { message: 'WeChat does not know this conditional menu', description: 'Menu → Get lists the conditional menus with their menuid; a deleted one is gone (Menu → Delete removes all of them).' };
		case 65302:
			return { message: 'WeChat does not know this follower', description: 'Try Match takes the OpenID (or WeChat ID) of a follower of the account.' };
		case 65303:
			return { message: 'The account has no default menu', description: 'Create the default menu first (Menu → Create): conditional menus are shown instead of it, and Try Match needs it.' };
		case 65304:
			return { message: 'The conditional menu has no match rule', description: 'Set a tag, a client platform or both.' };
		case 65305:
			return { message: 'The account has the most conditional menus WeChat allows', description: 'Delete a conditional menu that is no longer used (Menu → Delete Conditional) and try again.' };
		case 65306:
			return { message: 'The account may not have conditional menus', description: 'Conditional menus need a verified account.' };
		case 65320:
			return { message: 'WeChat no longer matches menus by gender, region or language', description: 'Match by tag (put the followers in a tag first) or by client platform.' };
		// ── QR codes and short links ────────────────────────────────────────────────────────
		case 40097:
			return {
				message: 'WeChat refused a parameter of the QR code',
				description: 'Scene: temporary codes take a number from 1 to 4,294,967,295, permanent codes 1 to 100,000, text scenes 1 to 64 characters; expiry: 60 seconds to 30 days (2,592,000 seconds).',
			};
		case 45029:
			return {
				message: 'The account has the most permanent QR codes WeChat allows (100,000)',
				description: 'Use temporary QR codes (up to 30 days), or reuse the scene of a permanent code that is no longer in use.',
			};
		case 9410010:
			return { message: 'The data of the short link is longer than WeChat allows (4 KB)', description: 'Shorten "Long Data" to at most 4,096 bytes (UTF-8), or store the data elsewhere and shorten a key to it.' };
		case 9410011:
			return { message: 'The expiry of the short link is longer than WeChat allows', description: 'Short links last at most 30 days (2,592,000 seconds).' };
		case 9410012:
			return {
				message: 'WeChat does not know this short key',
				description: 'The short key expired (at most 30 days after it was made), was mistyped, or was made by another account.',
			};
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
