import type { MessageTemplate } from './types';

/**
 * Three ready templates (issue 12, "Examples"), for the README and settings.example.yml to
 * show and the tests to run over every fixture on every platform. Markdown only where all
 * three platforms read it: bold and links (no headings: a Feishu 1.0 card shows "###" as is),
 * and blank lines between paragraphs (DingTalk joins single line breaks).
 */
export interface ExampleTemplate {
  /** What it is for, in a few words. */
  name: string;
  /** The `templates:` key it goes under. */
  key: string;
  template: MessageTemplate;
}

export const EXAMPLE_TEMPLATES: readonly ExampleTemplate[] = [
  {
    name: 'One-line push',
    key: 'push',
    template: {
      text: `**{{ actor.name }}** {% if action == "create" %}created{% elsif action == "delete" %}deleted{% else %}pushed {{ total_commits }} commit{% if total_commits != 1 %}s{% endif %} to{% endif %} {{ branch }} in [{{ repository.full_name }}]({{ repository.url | url }}){% if commits.size > 0 %}: {{ commits.last.title | cut: 60 }}{% endif %}{% if compare_url != "" %} · [{{ words.links.compare }}]({{ compare_url | url }}){% endif %}
`,
    },
  },
  {
    name: 'Release notes for a tag',
    key: 'tag_push',
    template: {
      title: `{% if action == "delete" %}Tag {{ tag }} deleted{% else %}Release {{ tag }}{% endif %} · {{ repository.name }}
`,
      text: `**{% if action == "delete" %}Tag {{ tag }} deleted{% else %}Release {{ tag }}{% endif %}** · [{{ repository.full_name }}]({{ repository.url | url }})

By {{ actor.name }} at {{ time }}
{% if head_commit %}
[{{ head_commit.short_id }}]({{ head_commit.url | url }}) {{ head_commit.title | cut: 100 }}{% if head_commit.author != "" %} ({{ head_commit.author }}){% endif %}
{% endif %}
[{{ words.links.tag }}]({{ url | url }})
`,
    },
  },
  {
    name: 'Compact pull request digest',
    key: 'pull_request',
    template: {
      title: `!{{ pull_request.number }} {{ action }}: {{ pull_request.title | cut: 60 }}
`,
      text: `**[!{{ pull_request.number }} {{ pull_request.title | cut: 80 }}]({{ pull_request.url | url }})** {{ action }} by {{ actor.name }}

{{ pull_request.source_branch }} → {{ pull_request.target_branch }}{% if pull_request.commit_count %} · {{ pull_request.commit_count }} commits, +{{ pull_request.additions }} −{{ pull_request.deletions }}{% endif %}{% if pull_request.reviewers.size > 0 %} · reviewers: {{ pull_request.reviewers | map: "name" | join: ", " }}{% endif %}{% if pull_request.labels.size > 0 %} · labels: {{ pull_request.labels | join: ", " }}{% endif %}
`,
    },
  },
];
