// The annual report page's strings in both UI languages, added to the shared catalogue when the page loads.
import { addStrings } from '../app/addStrings';
import zh from './strings.zh-CN.json';
import en from './strings.en.json';

addStrings('annualReport', zh, en);
