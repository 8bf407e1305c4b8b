// Stylesheets do nothing in Jest.
module.exports = {};
