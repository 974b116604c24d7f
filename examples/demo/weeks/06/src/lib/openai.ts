import OpenAI from 'openai';
import { wrapOpenAI } from 'langsmith/wrappers';

/** The OpenAI client every feature uses: each call is traced in LangSmith. */
export const openai = wrapOpenAI(new OpenAI());
