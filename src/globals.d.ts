/** True in builds that include the preview workbook (npm start, build:dev); false in the production add-in. */
declare const __AICOST_PREVIEW__: boolean;
