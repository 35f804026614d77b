// The meetings pages' strings in both UI languages, added to the shared catalogue when a page loads.
import { addStrings } from '../app/addStrings';
import zh from './strings.zh-CN.json';
import en from './strings.en.json';

addStrings('meetings', zh, en);
