import errors from '../../shared/i18n/errors.en.json';
import texts from './en.json?first-screen';

/** The English texts of the screens before signing in, with the API's error messages (i18n/index.ts). */
export default { ...texts, errors };
