import OpenAI from 'openai';
import { wrapOpenAI } from 'langsmith/wrappers';

/** The OpenAI client every feature should use: each call is traced in LangSmith. */
export const openai = wrapOpenAI(new OpenAI());

/** The prototype's client, kept while the triage model is tuned. Not traced. */
export const rawOpenAI = new OpenAI();
