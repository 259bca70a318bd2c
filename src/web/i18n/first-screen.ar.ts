import errors from '../../shared/i18n/errors.ar.json';
import texts from './ar.json?first-screen';

/** The Arabic texts of the screens before signing in, with the API's error messages (i18n/index.ts). */
export default { ...texts, errors };
