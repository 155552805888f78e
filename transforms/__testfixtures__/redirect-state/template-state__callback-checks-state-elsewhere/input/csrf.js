exports.checkCsrf = (req, res, next) => {
  if (req.query.state !== req.session.state) return res.status(403).send('Invalid state');
  next();
};
