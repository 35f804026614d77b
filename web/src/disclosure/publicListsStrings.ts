// The public lists' strings (rankings, typical cases, positive list) in both UI languages, added on load.
import { addStrings } from '../app/addStrings';
import zh from './publicLists.strings.zh-CN.json';
import en from './publicLists.strings.en.json';

addStrings('publicLists', zh, en);
