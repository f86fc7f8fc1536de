import { mask, visibility, viewPersonalData } from 'complaint-office';

export const ops = {
  'privacy.mask': ({ kind, value }) => mask(kind, value),
  'privacy.visibility': ({ role, field }) => visibility(role, field),
  'privacy.view': ({ role, data }) => viewPersonalData(data, role),
};
