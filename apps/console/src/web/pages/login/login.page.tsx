import type { VNode } from 'preact';
import { CSRF_FIELD } from '../../csrf';
import { ErrorSummary, Field, Layout, Notice } from '../../layout';
import { LOGIN } from './login.strings';

export interface LoginError {
  field: 'username' | 'password';
  message: string;
}

export function LoginPage(props: {
  csrf: string;
  next: string;
  username?: string;
  errors?: LoginError[];
  loggedOut?: boolean;
}): VNode {
  const errors = props.errors ?? [];
  const errorOf = (field: LoginError['field']) => errors.find((e) => e.field === field)?.message;
  return (
    <Layout title={LOGIN.title}>
      <h1>{LOGIN.title}</h1>
      {props.loggedOut && <Notice text={LOGIN.loggedOut} />}
      {errors.length > 0 && (
        <ErrorSummary
          title={LOGIN.errorsTitle}
          errors={errors.map((e) => ({ label: LOGIN.fields[e.field], message: e.message, href: `#${e.field}` }))}
        />
      )}
      <p>{LOGIN.intro}</p>
      <form method="post" action="/login" class="form" novalidate>
        <input type="hidden" name={CSRF_FIELD} value={props.csrf} />
        <input type="hidden" name="next" value={props.next} />
        <Field id="username" label={LOGIN.fields.username} error={errorOf('username')}>
          <input
            id="username"
            name="username"
            type="text"
            autocomplete="username"
            value={props.username ?? ''}
            aria-invalid={errorOf('username') ? 'true' : undefined}
          />
        </Field>
        <Field id="password" label={LOGIN.fields.password} error={errorOf('password')}>
          <input
            id="password"
            name="password"
            type="password"
            autocomplete="current-password"
            aria-invalid={errorOf('password') ? 'true' : undefined}
          />
        </Field>
        <button type="submit">{LOGIN.submit}</button>
      </form>
      <p>
        <a href="/public/">{LOGIN.publicLink}</a>
      </p>
    </Layout>
  );
}
