// n8n loads the package through the "n8n" block of package.json; this file exists only
// because Node packages conventionally have a main entry.
module.exports = {};
