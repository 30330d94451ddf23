// GoTrue's default email templates (internal/mailer/templatemailer), as subject, HTML and text.

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export type EmailKind = 'signup' | 'invite' | 'recovery' | 'magiclink' | 'email_change' | 'reauthentication';

export interface TemplateData {
  confirmationUrl: string;
  token: string;
  siteUrl: string;
  email: string;
  newEmail?: string;
}

interface Template {
  subject: string;
  heading: string;
  lead: (d: TemplateData) => string;
  linkText: string;
  footer?: string;
}

// Subjects and wording of GoTrue's current defaults; the code line (from its earlier defaults) stays
// so local tests and developers can use the OTP form.
const TEMPLATES: Record<Exclude<EmailKind, 'reauthentication'>, Template> = {
  signup: {
    subject: 'Confirm your email address',
    heading: 'Confirm your email address',
    lead: () => 'Follow the link below to confirm this email address and finish signing up.',
    linkText: 'Confirm email address',
  },
  invite: {
    subject: "You've been invited",
    heading: "You've been invited",
    lead: () => "You've been invited to create an account. Follow the link below to accept.",
    linkText: 'Accept invitation',
  },
  recovery: {
    subject: 'Reset your password',
    heading: 'Reset your password',
    lead: () => 'We received a request to reset your password. Follow the link below to choose a new one.',
    linkText: 'Reset password',
    footer: "If you didn't request this, you can safely ignore this email.",
  },
  magiclink: {
    subject: 'Your sign-in link',
    heading: 'Your sign-in link',
    lead: () => 'Follow the link below to sign in. This link expires shortly and can only be used once.',
    linkText: 'Sign in',
  },
  email_change: {
    subject: 'Confirm your new email address',
    heading: 'Confirm your new email address',
    lead: (d) => `Follow the link below to confirm ${d.newEmail} as your new email address.`,
    linkText: 'Confirm new email address',
    footer: "If you didn't request this change, you can safely ignore this email.",
  },
};

export function renderEmail(kind: EmailKind, data: TemplateData): { subject: string; html: string; text: string } {
  if (kind === 'reauthentication') {
    const lead = 'Use the code below to verify your identity. It expires shortly.';
    return {
      subject: `${data.token} is your verification code`,
      html: `<h2>Your verification code</h2>\n\n<p>${lead}</p>\n<p>${escapeHtml(data.token)}</p>`,
      text: `Your verification code\n\n${lead}\n\nEnter the code: ${data.token}\n`,
    };
  }
  const t = TEMPLATES[kind];
  const lead = t.lead(data);
  const footer = t.footer ? `<p>${escapeHtml(t.footer)}</p>\n` : '';
  return {
    subject: t.subject,
    html:
      `<h2>${escapeHtml(t.heading)}</h2>\n\n<p>${escapeHtml(lead)}</p>\n` +
      `<p><a href="${escapeHtml(data.confirmationUrl)}">${escapeHtml(t.linkText)}</a></p>\n` +
      `<p>Alternatively, enter the code: ${escapeHtml(data.token)}</p>\n${footer}`,
    text: `${t.heading}\n\n${lead}\n${data.confirmationUrl}\n\nAlternatively, enter the code: ${data.token}\n${t.footer ? `\n${t.footer}\n` : ''}`,
  };
}

/** `{{ .ConfirmationURL }}`: the stack's /verify with the hashed token, type and redirect. */
export function confirmationUrl(externalUrl: string, tokenHash: string, type: string, redirectTo: string): string {
  const params = new URLSearchParams({ token: tokenHash, type, redirect_to: redirectTo });
  return `${externalUrl}/verify?${params.toString()}`;
}
