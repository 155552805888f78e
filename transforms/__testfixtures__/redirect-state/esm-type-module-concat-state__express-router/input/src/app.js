import express from 'express';
import cookieParser from 'cookie-parser';
import { tiktokRouter } from './routes/tiktok.js';

const app = express();
app.use(cookieParser());
app.use('/integrations/tiktok', tiktokRouter);

app.listen(process.env.PORT ?? 3000);
