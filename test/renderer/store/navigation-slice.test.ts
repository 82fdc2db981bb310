import { describe, expect, it } from 'vitest';
import { fakeApi, readyStore } from '../fake-store';

describe('navigation', () => {
  it('goes to a lead and back to where the person came from, or to the fallback', () => {
    const store = readyStore(fakeApi({}));
    expect(store.getState().route).toEqual({ screen: 'entry' });
    store.getState().navigate({ screen: 'leads' });
    store.getState().navigate({ screen: 'lead', leadId: 'a' });
    store.getState().navigate({ screen: 'lead', leadId: 'a' }); // the same route twice is one step
    expect(store.getState().history).toEqual([{ screen: 'entry' }, { screen: 'leads' }]);
    store.getState().goBack();
    expect(store.getState().route).toEqual({ screen: 'leads' });
    store.getState().goBack();
    store.getState().goBack({ screen: 'accounts' });
    expect(store.getState().route).toEqual({ screen: 'accounts' });
  });
});
