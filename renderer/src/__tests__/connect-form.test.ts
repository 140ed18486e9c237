import { describe, expect, it } from 'vitest'
import { checkForm, emptyForm, formFromProfile, toAdHocParams, toSaveParams } from '../features/connections/connect-form'
import { paramSchemas } from '../../../shared/protocol/schemas'

describe('connect form', () => {
  it('needs a valid connect string and timeout to connect, and a name to save', () => {
    const form = { ...emptyForm(), connectString: 'zk1:2181,zk2:2181/app' }
    expect(checkForm(form)).toMatchObject({ canConnect: true, canSave: false })
    expect(checkForm({ ...form, name: ' Orders ' })).toMatchObject({ canConnect: true, canSave: true })
    expect(checkForm({ ...form, connectString: 'zk1:0' }).canConnect).toBe(false)
    expect(checkForm({ ...form, sessionTimeoutMs: '999' }).timeoutOk).toBe(false)
    expect(checkForm({ ...form, sessionTimeoutMs: '12.5' }).timeoutOk).toBe(false)
  })

  it('ignores blank credential rows and refuses a user with a colon', () => {
    const form = { ...emptyForm(), connectString: 'zk1', credentials: [{ user: '', password: '' }, { user: 'a:b', password: 'x' }] }
    expect(checkForm(form).credentialOk).toEqual([true, false])
    expect(checkForm(form).canConnect).toBe(false)
  })

  it('turns into params the contract accepts', () => {
    const form = {
      ...emptyForm(),
      name: 'Orders',
      connectString: ' zk1:2181 ',
      credentials: [{ user: 'ops', password: 'p:w' }, { user: '', password: '' }],
      remember: true,
      environment: 'production' as const,
    }
    const save = toSaveParams(form)
    expect(save).toEqual({
      profile: { name: 'Orders', connectString: 'zk1:2181', sessionTimeoutMs: 30_000, environment: 'production', readOnly: false },
      credentials: ['ops:p:w'],
      rememberCredentials: true,
    })
    expect(paramSchemas.saveProfile.safeParse(save).success).toBe(true)
    const adHoc = toAdHocParams(form)
    expect(paramSchemas.connectAdHoc.safeParse(adHoc).success).toBe(true)
    expect(adHoc.credentials).toEqual(['ops:p:w'])
  })

  it('keeps stored credentials unless new ones are typed or they are cleared', () => {
    const profile = {
      id: 'p1', name: 'Orders', connectString: 'zk1', sessionTimeoutMs: 10_000, environment: 'staging' as const,
      readOnly: true, authUsers: ['ops'], credentialStorage: 'encrypted' as const,
    }
    const form = formFromProfile(profile)
    expect(form.remember).toBe(true)
    expect('credentials' in toSaveParams(form)).toBe(false)
    expect(toSaveParams({ ...form, clearStored: true }).credentials).toEqual([])
    expect(toSaveParams(form).profile.id).toBe('p1')
  })
})
