// The exemption pages' strings in both UI languages (strings.zh-CN.json, strings.en.json), added to
// the shared catalogue when a page that uses them loads.
import { addStrings } from '../app/addStrings';
import zh from './strings.zh-CN.json';
import en from './strings.en.json';

addStrings('exemptions', zh, en);
