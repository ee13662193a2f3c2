module.exports = async () => require('./test-environment').tearDown();
