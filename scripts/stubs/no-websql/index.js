// pouchdb-server requires this only for its --sqlite option, which the tests never use.
module.exports = function () {
  throw new Error('pouchdb-server --sqlite is not installed here (see scripts/stubs/no-websql/package.json)');
};
