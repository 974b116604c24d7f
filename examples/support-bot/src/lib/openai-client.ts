import OpenAI from 'openai';
import { wrapOpenAI } from 'langsmith/wrappers';

/** The traced client every feature should use. */
export const tracedOpenAI = wrapOpenAI(new OpenAI());

/** Left over from the prototype; still used by the ticket classifier. */
export const rawOpenAI = new OpenAI();
