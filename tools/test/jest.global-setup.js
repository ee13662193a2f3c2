module.exports = async () => require('./test-environment').setUp();
