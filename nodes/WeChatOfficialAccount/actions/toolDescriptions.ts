import type { FromAiHint, ToolDescriptions } from '../helpers/toolMode';

/**
 * What an AI agent (or an MCP client) is told about each operation when the node is its tool:
 * what it does, what it returns, and what it costs or cannot undo. At most 400 characters each,
 * one per resource and operation (a test checks both). `listOf` names the items a list returns,
 * for the Limit the model sets.
 */
export const toolDescriptions: ToolDescriptions = {
	'follower.getAll': {
		listOf: 'followers',
		text: 'Lists the OpenIDs of the WeChat Official Account’s followers, one result each ({ openid }, with the profile if the node includes it), or per page ({ page, count, openids }) or as a file ({ count, pages, lastOpenid }) if the node is set so. An account can have millions of followers: always pass a limit (default 50). Each 10,000 followers cost one call of a daily quota.',
	},
	'follower.get': {
		text: 'Gets the profile of one follower by OpenID: subscribe (1 = follows), subscribe_time and its ISO time, remark, tagid_list (tag IDs), subscribe_scene, qr_scene_str, language. Nicknames and avatars are not given by WeChat.',
	},
	'follower.updateRemark': {
		text: 'Sets the remark (备注名, up to 30 characters) the account keeps for one follower, by OpenID. Returns { success, openid, remark }. Overwrites the previous remark; only the account sees it.',
	},

	'tag.create': {
		text: 'Creates a follower tag with a name (up to 30 characters, unique). Returns { id, name }. An account can have at most 100 tags.',
	},
	'tag.getAll': {
		listOf: 'tags',
		text: 'Lists the account’s follower tags, one result each: { id, name, count } (count = followers carrying it). IDs 0 to 2 are WeChat’s system tags (e.g. 2 "星标组"), which cannot be renamed or deleted. Use it to find a tag ID by name.',
	},
	'tag.update': {
		text: 'Renames a tag, by tag ID (Tag Get Many lists the IDs). Returns { success, id, name }. System tags (IDs 0 to 2) are refused.',
	},
	'tag.delete': {
		text: 'Deletes a tag, by tag ID; every follower loses it. Irreversible. A tag carried by more than 100,000 followers cannot be deleted, nor system tags (IDs 0 to 2). Returns { success, id }.',
	},
	'tag.getFollowers': {
		listOf: 'followers',
		text: 'Lists the OpenIDs of the followers carrying a tag, by tag ID, one result each: { openid, tagId } (per page, { tagId, page, count, openids }, or as a file, { tagId, count, pages, lastOpenid }, if the node is set so). A tag can hold millions of followers: always pass a limit (default 50).',
	},
	'tag.addFollowers': {
		text: 'Puts a tag (by tag ID) on followers given as OpenIDs (one, or several separated by commas). Returns { success, tagId, openids }. A follower can carry at most 20 tags; 50 OpenIDs per WeChat call.',
	},
	'tag.removeFollowers': {
		text: 'Takes a tag (by tag ID) off followers given as OpenIDs (one, or several separated by commas). Returns { success, tagId, openids }.',
	},
	'tag.getFollowerTags': {
		text: 'Gets the tag IDs one follower carries, by OpenID: { openid, tagid_list }. Tag Get Many gives the names of the IDs.',
	},

	'blacklist.getAll': {
		listOf: 'blacklisted users',
		text: 'Lists the OpenIDs of the users the account has blacklisted, one result each: { openid } (per page, { page, count, openids }, or as a file, { count, pages, lastOpenid }, if the node is set so). Pass a limit (default 50).',
	},
	'blacklist.add': {
		text: 'Blacklists users given as OpenIDs (one, or several separated by commas): they can no longer message the account or see its content. Returns { success, openids }. At most 10,000 users in the blacklist.',
	},
	'blacklist.remove': {
		text: 'Takes users given as OpenIDs (one, or several separated by commas) off the blacklist. Returns { success, openids }.',
	},

	'quota.get': {
		text: 'Gets the daily quota of one WeChat API path (e.g. /cgi-bin/user/get): { cgi_path, daily_limit, used, remain }. Check it before a large pull or send. The check itself counts against a quota.',
	},

	'message.reply': {
		text: 'Does nothing useful as a tool: it answers the WeChat push that started the workflow, and a tool call has none. Do not call it.',
	},

	'templateMessage.send': {
		text: 'Sends the template message configured in this node to one follower, by OpenID. Returns { openid, template_id, msgid, client_msg_id }. Each send reaches the follower’s phone and cannot be recalled; templates have a daily quota. Never sent twice for the same message.',
	},
	'templateMessage.getTemplates': {
		text: 'Lists the account’s private templates, one result each: { template_id, title, content, example, fields } (fields = the names the template asks for).',
	},
	'templateMessage.addTemplate': {
		text: 'Adds a template from WeChat’s template library to the account, as configured in this node. Returns { template_id }. An account keeps at most 25 private templates.',
	},
	'templateMessage.deleteTemplate': {
		text: 'Deletes one of the account’s private templates, as configured in this node. Irreversible: messages using it can no longer be sent. Returns { success, template_id }.',
	},
	'templateMessage.getIndustry': {
		text: 'Gets the two industries the account’s templates come from: { primary_industry, secondary_industry }.',
	},
	'templateMessage.setIndustry': {
		text: 'Sets the two industries of the account’s templates, as configured in this node. WeChat allows one change a month.',
	},

	'customerServiceMessage.send': {
		text: 'Sends the customer-service message configured in this node to one follower, by OpenID. Only works within 48 hours of the follower’s last message or click. Returns { openid, msgtype, sent }. Cannot be recalled.',
	},
	'customerServiceMessage.typing': {
		text: 'Shows or hides "typing…" in one follower’s chat, by OpenID (within 48 hours of their last message). Returns { openid, command, success }.',
	},

	'massMessage.send': {
		text: 'Sends the mass message configured in this node to all followers, a tag or a list of OpenIDs. Irreversible and quota-limited (few mass sends a day or month): only call it when the user asked for this exact send. Returns the msg_id (and msg_data_id for articles) of each job.',
	},
	'massMessage.preview': {
		text: 'Sends the mass message configured in this node to one follower (by OpenID) to check it, without using the mass quota. Returns { openid, msg_id }. Limited to 100 previews a day.',
	},
	'massMessage.getStatus': {
		text: 'Gets the state of a mass message by its msg_id: { msg_id, msg_status } where msg_status is SEND_SUCCESS, SENDING, SEND_FAIL or DELETE.',
	},
	'massMessage.delete': {
		text: 'Deletes the articles of a sent mass message (by msg_id) from followers’ view, within WeChat’s deletion window. Irreversible; texts and images already delivered stay. Returns { success, msg_id, article_idx }.',
	},
	'massMessage.getSpeed': {
		text: 'Gets how fast WeChat delivers mass messages: { speed } level 0 (fastest) to 4, and { realspeed } in 10,000 messages a minute.',
	},
	'massMessage.setSpeed': {
		text: 'Sets how fast WeChat delivers mass messages (speed level as configured in this node, 0 fastest to 4). Returns { success, speed }.',
	},

	'subscriptionNotice.send': {
		text: 'Sends the subscription notice configured in this node to one follower (by OpenID) who accepted it. Returns { openid, template_id, sent }. Each acceptance allows one notice; cannot be recalled.',
	},
	'subscriptionNotice.getTemplates': {
		text: 'Lists the account’s subscription-notice templates, one result each: { priTmplId, title, content, example, type, fields }.',
	},

	'media.upload': {
		text: 'Uploads the file of the input (binary data) as temporary media, kept 3 days, to send in messages. Returns { type, media_id, created_at, expires_at }. Needs a file: rarely useful for an agent.',
	},
	'media.download': {
		text: 'Downloads temporary media by media_id as a file (binary data; a video gives { video_url } instead). Returns { media_id, fileName, mimeType, fileSize }.',
	},
	'media.addMaterial': {
		text: 'Adds the file of the input (binary data) to the account’s permanent material. Returns { type, media_id, url }. Permanent material is limited (e.g. 100,000 images). Needs a file: rarely useful for an agent.',
	},
	'media.getMaterial': {
		text: 'Gets permanent material by media_id: a file for images, voice and thumbs ({ media_id, fileName, mimeType, fileSize }), { title, description, down_url } for videos, { news_item } for news.',
	},
	'media.deleteMaterial': {
		text: 'Deletes permanent material by media_id. Irreversible: drafts, menus and messages using it lose it. Returns { success, media_id }.',
	},
	'media.getMaterials': {
		listOf: 'materials',
		text: 'Lists the account’s permanent material of the type configured in this node, one result each: { media_id, name, update_time, url }. Pass a limit (default 50).',
	},
	'media.countMaterials': {
		text: 'Counts the account’s permanent material: { voice_count, video_count, image_count, news_count }.',
	},
	'media.uploadArticleImage': {
		text: 'Uploads the image of the input (binary data, jpg or png, up to 1 MB) for use inside an article’s HTML. Returns { url } only, no media_id. Needs a file: rarely useful for an agent.',
	},

	'draft.create': {
		text: 'Saves the articles configured in this node as a draft in the account’s draft box (not published). Returns { media_id } of the draft. Each call creates another draft.',
	},
	'draft.get': {
		text: 'Gets a draft by its media_id: { media_id, article_count, news_item } with each article’s title, author, digest, content, url and thumb_media_id.',
	},
	'draft.update': {
		text: 'Replaces one article of a draft (by the draft’s media_id) with the article configured in this node. Returns { success, media_id, article_number }.',
	},
	'draft.delete': {
		text: 'Deletes a draft by its media_id. Irreversible. Returns { success, media_id, already_deleted }.',
	},
	'draft.getAll': {
		listOf: 'drafts',
		text: 'Lists the account’s drafts, newest first, one result each: { media_id, update_time, update_time_iso, article_count, news_item }. Pass a limit (default 50).',
	},
	'draft.count': {
		text: 'Counts the drafts in the account’s draft box: { total_count }.',
	},

	'publication.publish': {
		text: 'Publishes a draft (by its media_id) to the account, publicly. Irreversible; followers are not notified (that is a mass message). Returns { publish_id, status } and, when it waits for the result, article_url and msg_data_id. Only call it when the user asked to publish.',
	},
	'publication.getStatus': {
		text: 'Gets the state of a publishing job by publish_id: { publish_id, publish_status, status (in words), article_id, article_url }: publishing, published with URLs, or failed.',
	},
	'publication.getAll': {
		listOf: 'publications',
		text: 'Lists the account’s publications, newest first, one result each: { article_id, update_time, update_time_iso, article_count, news_item } (titles and URLs). Pass a limit (default 50).',
	},
	'publication.getArticle': {
		text: 'Gets a publication by article_id: { article_id, article_count, news_item } with each article’s title, url and is_deleted.',
	},
	'publication.delete': {
		text: 'Deletes a published article (or all articles of the publication) by article_id, for every reader. Irreversible. Returns { success, article_id, scope }.',
	},

	'comment.open': {
		text: 'Opens comments on a published article, by msg_data_id (and article number). Returns { msg_data_id, article_number, comments: "open" }.',
	},
	'comment.close': {
		text: 'Closes comments on a published article, by msg_data_id (and article number); existing comments stay. Returns { msg_data_id, article_number, comments: "closed" }.',
	},
	'comment.getAll': {
		listOf: 'comments',
		text: 'Lists the comments on a published article, by msg_data_id, one result each: { user_comment_id, openid, content, create_time_iso, elected, reply }. Pass a limit (default 50).',
	},
	'comment.elect': {
		text: 'Elects (features) a comment, by msg_data_id and user_comment_id: every reader sees it. Returns the comment’s IDs with elected: true.',
	},
	'comment.unelect': {
		text: 'Takes a comment (by msg_data_id and user_comment_id) out of the elected comments. Returns the comment’s IDs with elected: false.',
	},
	'comment.delete': {
		text: 'Deletes a reader’s comment, by msg_data_id and user_comment_id. Irreversible. Returns the comment’s IDs with deleted: true.',
	},
	'comment.reply': {
		text: 'Replies publicly, as the account, to a comment (by msg_data_id and user_comment_id) with the text configured in this node. A comment takes one reply. Returns the comment’s IDs with reply: { content }.',
	},
	'comment.deleteReply': {
		text: 'Deletes the account’s reply to a comment, by msg_data_id and user_comment_id. Irreversible. Returns the comment’s IDs with reply_deleted: true.',
	},

	'menu.create': {
		text: 'Replaces the account’s default menu with the menu configured in this node, for every follower. Returns { success, button }.',
	},
	'menu.get': {
		text: 'Gets the menus set through the API, one result each: the default menu { menu_type, button } and each conditional menu { menuid, matchrule, button }.',
	},
	'menu.getCurrent': {
		text: 'Gets the menu followers see now, also when set in WeChat’s editor: { is_menu_open, button }.',
	},
	'menu.delete': {
		text: 'Deletes the default menu and every conditional menu: followers see no menu. Irreversible. Returns { success }.',
	},
	'menu.createConditional': {
		text: 'Adds the conditional menu configured in this node (shown instead of the default menu to followers matching its rule). Returns { menuid, matchrule, button }.',
	},
	'menu.deleteConditional': {
		text: 'Deletes one conditional menu by its menuid. Irreversible. Returns { success, menuid }.',
	},
	'menu.tryMatch': {
		text: 'Gets the menu a given follower sees, by OpenID or WeChat ID: { user_id, button }.',
	},

	'qrCode.create': {
		text: 'Creates a QR code with the scene configured in this node (reported when someone scans it) and gets its image as a file. Returns { ticket, url, image_url, expire_seconds, expires_at, scene, permanent }. Permanent codes are limited to 100,000.',
	},
	'qrCode.getImage': {
		text: 'Downloads the image of a QR code by its ticket, as a file. Returns { ticket, image_url, file_name, mime_type, file_size }.',
	},

	'shortLink.create': {
		text: 'Stores text (up to 4 KB, as configured in this node) behind a short key for up to 30 days. Returns { short_key, expire_seconds, expires_at }.',
	},
	'shortLink.resolve': {
		text: 'Gets the text stored behind a short key: { short_key, long_data, create_time_iso, expire_seconds, expires_at }.',
	},

	'analytics.getFollowerGrowth': {
		text: 'Gets new, cancelled and net followers per day (Beijing days) over the date range configured in this node, by source or summed: { ref_date, new_user, cancel_user, net_user }. Data starts the day after.',
	},
	'analytics.getFollowerTotals': {
		text: 'Gets the total number of followers at the end of each day of the configured date range: { ref_date, cumulate_user }.',
	},
	'analytics.getArticleSummary': {
		text: 'Gets each article’s reads, shares and favourites on each day of the configured date range, one result per article and day.',
	},
	'analytics.getArticleTotals': {
		text: 'Gets the articles sent on each day of the configured date range with their statistics since, one result per article.',
	},
	'analytics.getArticleReads': {
		text: 'Gets reads, shares and favourites of all articles per day or hour over the configured date range.',
	},
	'analytics.getArticleShares': {
		text: 'Gets article shares by scene (friends, Moments…) per day or hour over the configured date range.',
	},
	'analytics.getMessageStats': {
		text: 'Gets how many messages followers sent to the account over the configured date range, by day, hour, week or month.',
	},
	'analytics.getApiStats': {
		text: 'Gets how the account’s server answered WeChat’s pushes (calls, failures, response times) over the configured date range.',
	},
};

/** What the model passes for each parameter that reads the input item in the node itself. */
export const fromAiHints: Record<string, FromAiHint> = {
	openid: { description: 'The OpenID of the follower', type: 'string' },
	openids: { description: 'The OpenIDs of the followers, separated by commas', type: 'string' },
	tagId: { description: 'The tag ID (Tag → Get Many lists them)', type: 'number' },
	msgId: { description: 'The msg_id of the mass message, as Mass Message Send returned it', type: 'string' },
	mediaId: { description: 'The media_id of the media or permanent material', type: 'string' },
	'draft.mediaId': { description: 'The media_id of the draft (Draft Get Many lists them)', type: 'string' },
	'publication.mediaId': { description: 'The media_id of the draft to publish (Draft Get Many lists them)', type: 'string' },
	publishId: { description: 'The publish_id Publication Publish returned', type: 'string' },
	articleId: { description: 'The article_id of the publication (Publication Get Many lists them)', type: 'string' },
	msgDataId: { description: 'The msg_data_id of the published article', type: 'string' },
	commentId: { description: 'The user_comment_id of the comment (Comment Get Many lists them)', type: 'string' },
	menuId: { description: 'The menuid of the conditional menu (Menu Get lists them)', type: 'string' },
	userId: { description: 'The OpenID or WeChat ID of the follower', type: 'string' },
	ticket: { description: 'The ticket of the QR code, as QR Code Create returned it', type: 'string' },
	shortKey: { description: 'The short key, as Short Link Create returned it', type: 'string' },
	'follower.remark': { description: 'The new remark for the follower, up to 30 characters', type: 'string' },
	'tag.name': { description: 'The tag name, up to 30 characters, unique within the account', type: 'string' },
	'comment.content': { description: 'The reply to the comment', type: 'string' },
	'shortLink.longData': { description: 'The text or URL to store behind the short key, up to 4,096 bytes', type: 'string' },
	'customerServiceMessage.text': { description: 'The text to send, up to 2,048 bytes', type: 'string' },
};

/** Fixed-default parameters an agent must fill to use the operation at all: model-filled in the tool. */
export const MODEL_FILLED = ['follower.remark', 'tag.name', 'comment.content', 'shortLink.longData', 'customerServiceMessage.text'];
