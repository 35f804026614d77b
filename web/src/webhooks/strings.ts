// The webhook admin page's strings in both UI languages, added to the shared catalogue when it loads.
import { addStrings } from '../app/addStrings';
import zh from './strings.zh-CN.json';
import en from './strings.en.json';

addStrings('webhooks', zh, en);
