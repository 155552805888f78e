const REVOKE = "http://open.tiktok.com/v2/oauth/revoke/";
const VIDEO_LIST = "//open-api.tiktok.com/v2/video/list/?fields=id,title,cover_image_url";

module.exports = { REVOKE, VIDEO_LIST };
