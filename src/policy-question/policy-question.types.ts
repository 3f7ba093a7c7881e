import { ConnectionType } from '../common/connection';
import { PolicyQuestion } from './policy-question.entity';

export const PolicyQuestionConnection = ConnectionType(PolicyQuestion);
