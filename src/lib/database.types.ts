export type Json = string | number | boolean | null | { [key: string]: Json | undefined } | Json[];

export type Database = {
  public: {
    Tables: {
      attachments: {
        Row: {
          client_visible: boolean;
          content_type: string;
          created_at: string;
          file_name: string;
          id: string;
          object_path: string;
          organization_id: string;
          project_id: string;
          size_bytes: number;
          task_id: string | null;
          update_id: string | null;
          uploaded_by: string | null;
        };
        ComputedFields: never;
        Insert: {
          client_visible?: boolean;
          content_type?: string;
          created_at?: string;
          file_name: string;
          id?: string;
          object_path: string;
          organization_id: string;
          project_id: string;
          size_bytes: number;
          task_id?: string | null;
          update_id?: string | null;
          uploaded_by?: string | null;
        };
        Update: {
          client_visible?: boolean;
          content_type?: string;
          created_at?: string;
          file_name?: string;
          id?: string;
          object_path?: string;
          organization_id?: string;
          project_id?: string;
          size_bytes?: number;
          task_id?: string | null;
          update_id?: string | null;
          uploaded_by?: string | null;
        };
        Relationships: [
          {
            foreignKeyName: 'attachments_organization_id_fkey';
            columns: ['organization_id'];
            isOneToOne: false;
            referencedRelation: 'organizations';
            referencedColumns: ['id'];
          },
          {
            foreignKeyName: 'attachments_project_id_organization_id_fkey';
            columns: ['project_id', 'organization_id'];
            isOneToOne: false;
            referencedRelation: 'project_budget_status';
            referencedColumns: ['project_id', 'organization_id'];
          },
          {
            foreignKeyName: 'attachments_project_id_organization_id_fkey';
            columns: ['project_id', 'organization_id'];
            isOneToOne: false;
            referencedRelation: 'projects';
            referencedColumns: ['id', 'organization_id'];
          },
          {
            foreignKeyName: 'attachments_task_id_fkey';
            columns: ['task_id'];
            isOneToOne: false;
            referencedRelation: 'tasks';
            referencedColumns: ['id'];
          },
          {
            foreignKeyName: 'attachments_update_id_fkey';
            columns: ['update_id'];
            isOneToOne: false;
            referencedRelation: 'project_updates';
            referencedColumns: ['id'];
          },
          {
            foreignKeyName: 'attachments_uploaded_by_fkey';
            columns: ['uploaded_by'];
            isOneToOne: false;
            referencedRelation: 'profiles';
            referencedColumns: ['id'];
          },
        ];
      };
      audit_logs: {
        Row: {
          action: string;
          actor_id: string | null;
          after: Json | null;
          before: Json | null;
          created_at: string;
          id: number;
          organization_id: string | null;
          row_id: string | null;
          table_name: string;
        };
        ComputedFields: never;
        Insert: {
          action: string;
          actor_id?: string | null;
          after?: Json | null;
          before?: Json | null;
          created_at?: string;
          id?: never;
          organization_id?: string | null;
          row_id?: string | null;
          table_name: string;
        };
        Update: {
          action?: string;
          actor_id?: string | null;
          after?: Json | null;
          before?: Json | null;
          created_at?: string;
          id?: never;
          organization_id?: string | null;
          row_id?: string | null;
          table_name?: string;
        };
        Relationships: [
          {
            foreignKeyName: 'audit_logs_organization_id_fkey';
            columns: ['organization_id'];
            isOneToOne: false;
            referencedRelation: 'organizations';
            referencedColumns: ['id'];
          },
        ];
      };
      capacity_entries: {
        Row: {
          created_at: string;
          id: string;
          organization_id: string;
          planned_hours: number;
          project_id: string;
          updated_at: string;
          user_id: string;
          week_start: string;
        };
        ComputedFields: never;
        Insert: {
          created_at?: string;
          id?: string;
          organization_id: string;
          planned_hours: number;
          project_id: string;
          updated_at?: string;
          user_id: string;
          week_start: string;
        };
        Update: {
          created_at?: string;
          id?: string;
          organization_id?: string;
          planned_hours?: number;
          project_id?: string;
          updated_at?: string;
          user_id?: string;
          week_start?: string;
        };
        Relationships: [
          {
            foreignKeyName: 'capacity_entries_organization_id_fkey';
            columns: ['organization_id'];
            isOneToOne: false;
            referencedRelation: 'organizations';
            referencedColumns: ['id'];
          },
          {
            foreignKeyName: 'capacity_entries_organization_id_user_id_fkey';
            columns: ['organization_id', 'user_id'];
            isOneToOne: false;
            referencedRelation: 'organization_members';
            referencedColumns: ['organization_id', 'user_id'];
          },
          {
            foreignKeyName: 'capacity_entries_project_id_organization_id_fkey';
            columns: ['project_id', 'organization_id'];
            isOneToOne: false;
            referencedRelation: 'project_budget_status';
            referencedColumns: ['project_id', 'organization_id'];
          },
          {
            foreignKeyName: 'capacity_entries_project_id_organization_id_fkey';
            columns: ['project_id', 'organization_id'];
            isOneToOne: false;
            referencedRelation: 'projects';
            referencedColumns: ['id', 'organization_id'];
          },
          {
            foreignKeyName: 'capacity_entries_user_id_fkey';
            columns: ['user_id'];
            isOneToOne: false;
            referencedRelation: 'profiles';
            referencedColumns: ['id'];
          },
        ];
      };
      channel_members: {
        Row: {
          channel_id: string;
          joined_at: string;
          last_read_at: string;
          muted: boolean;
          organization_id: string;
          role: string;
          user_id: string;
        };
        ComputedFields: never;
        Insert: {
          channel_id: string;
          joined_at?: string;
          last_read_at?: string;
          muted?: boolean;
          organization_id: string;
          role?: string;
          user_id: string;
        };
        Update: {
          channel_id?: string;
          joined_at?: string;
          last_read_at?: string;
          muted?: boolean;
          organization_id?: string;
          role?: string;
          user_id?: string;
        };
        Relationships: [
          {
            foreignKeyName: 'channel_members_channel_id_organization_id_fkey';
            columns: ['channel_id', 'organization_id'];
            isOneToOne: false;
            referencedRelation: 'channels';
            referencedColumns: ['id', 'organization_id'];
          },
          {
            foreignKeyName: 'channel_members_organization_id_fkey';
            columns: ['organization_id'];
            isOneToOne: false;
            referencedRelation: 'organizations';
            referencedColumns: ['id'];
          },
          {
            foreignKeyName: 'channel_members_user_id_fkey';
            columns: ['user_id'];
            isOneToOne: false;
            referencedRelation: 'profiles';
            referencedColumns: ['id'];
          },
        ];
      };
      channels: {
        Row: {
          application_id: string | null;
          archived_at: string | null;
          created_at: string;
          created_by: string | null;
          crowd_project_id: string | null;
          direct_key: string | null;
          id: string;
          kind: Database['public']['Enums']['channel_kind'];
          last_message_at: string | null;
          name: string;
          organization_id: string;
          project_id: string | null;
          ticket_id: string | null;
          topic: string | null;
          updated_at: string;
        };
        ComputedFields: never;
        Insert: {
          application_id?: string | null;
          archived_at?: string | null;
          created_at?: string;
          created_by?: string | null;
          crowd_project_id?: string | null;
          direct_key?: string | null;
          id?: string;
          kind: Database['public']['Enums']['channel_kind'];
          last_message_at?: string | null;
          name: string;
          organization_id: string;
          project_id?: string | null;
          ticket_id?: string | null;
          topic?: string | null;
          updated_at?: string;
        };
        Update: {
          application_id?: string | null;
          archived_at?: string | null;
          created_at?: string;
          created_by?: string | null;
          crowd_project_id?: string | null;
          direct_key?: string | null;
          id?: string;
          kind?: Database['public']['Enums']['channel_kind'];
          last_message_at?: string | null;
          name?: string;
          organization_id?: string;
          project_id?: string | null;
          ticket_id?: string | null;
          topic?: string | null;
          updated_at?: string;
        };
        Relationships: [
          {
            foreignKeyName: 'channels_created_by_fkey';
            columns: ['created_by'];
            isOneToOne: false;
            referencedRelation: 'profiles';
            referencedColumns: ['id'];
          },
          {
            foreignKeyName: 'channels_crowd_project_id_organization_id_fkey';
            columns: ['crowd_project_id', 'organization_id'];
            isOneToOne: false;
            referencedRelation: 'crowd_projects';
            referencedColumns: ['id', 'organization_id'];
          },
          {
            foreignKeyName: 'channels_organization_id_fkey';
            columns: ['organization_id'];
            isOneToOne: false;
            referencedRelation: 'organizations';
            referencedColumns: ['id'];
          },
          {
            foreignKeyName: 'channels_project_id_organization_id_fkey';
            columns: ['project_id', 'organization_id'];
            isOneToOne: false;
            referencedRelation: 'project_budget_status';
            referencedColumns: ['project_id', 'organization_id'];
          },
          {
            foreignKeyName: 'channels_project_id_organization_id_fkey';
            columns: ['project_id', 'organization_id'];
            isOneToOne: false;
            referencedRelation: 'projects';
            referencedColumns: ['id', 'organization_id'];
          },
        ];
      };
      clients: {
        Row: {
          billing_details: NonNullable<Json>;
          contacts: NonNullable<Json>;
          created_at: string;
          created_by: string | null;
          custom_fields: NonNullable<Json>;
          email: string | null;
          id: string;
          last_activity_at: string;
          name: string;
          notes: string | null;
          organization_id: string;
          owner_id: string | null;
          phone: string | null;
          source: string;
          stale_since: string | null;
          status: Database['public']['Enums']['client_status'];
          updated_at: string;
          website: string | null;
        };
        ComputedFields: never;
        Insert: {
          billing_details?: NonNullable<Json>;
          contacts?: NonNullable<Json>;
          created_at?: string;
          created_by?: string | null;
          custom_fields?: NonNullable<Json>;
          email?: string | null;
          id?: string;
          last_activity_at?: string;
          name: string;
          notes?: string | null;
          organization_id: string;
          owner_id?: string | null;
          phone?: string | null;
          source?: string;
          stale_since?: string | null;
          status?: Database['public']['Enums']['client_status'];
          updated_at?: string;
          website?: string | null;
        };
        Update: {
          billing_details?: NonNullable<Json>;
          contacts?: NonNullable<Json>;
          created_at?: string;
          created_by?: string | null;
          custom_fields?: NonNullable<Json>;
          email?: string | null;
          id?: string;
          last_activity_at?: string;
          name?: string;
          notes?: string | null;
          organization_id?: string;
          owner_id?: string | null;
          phone?: string | null;
          source?: string;
          stale_since?: string | null;
          status?: Database['public']['Enums']['client_status'];
          updated_at?: string;
          website?: string | null;
        };
        Relationships: [
          {
            foreignKeyName: 'clients_organization_id_fkey';
            columns: ['organization_id'];
            isOneToOne: false;
            referencedRelation: 'organizations';
            referencedColumns: ['id'];
          },
          {
            foreignKeyName: 'clients_owner_id_fkey';
            columns: ['owner_id'];
            isOneToOne: false;
            referencedRelation: 'profiles';
            referencedColumns: ['id'];
          },
          {
            foreignKeyName: 'clients_owner_membership_fkey';
            columns: ['organization_id', 'owner_id'];
            isOneToOne: false;
            referencedRelation: 'organization_members';
            referencedColumns: ['organization_id', 'user_id'];
          },
        ];
      };
      crowd_participants: {
        Row: {
          agreed_to_charge: boolean;
          client_id: string | null;
          created_at: string;
          crowd_project_id: string;
          id: string;
          invoice_id: string | null;
          joined_at: string;
          left_at: string | null;
          organization_id: string;
          pledge_amount: number | null;
          share_amount: number | null;
          status: string;
          stripe_customer_id: string | null;
          stripe_payment_method_id: string | null;
          stripe_setup_intent_id: string | null;
          updated_at: string;
          user_id: string;
        };
        ComputedFields: never;
        Insert: {
          agreed_to_charge?: boolean;
          client_id?: string | null;
          created_at?: string;
          crowd_project_id: string;
          id?: string;
          invoice_id?: string | null;
          joined_at?: string;
          left_at?: string | null;
          organization_id: string;
          pledge_amount?: number | null;
          share_amount?: number | null;
          status?: string;
          stripe_customer_id?: string | null;
          stripe_payment_method_id?: string | null;
          stripe_setup_intent_id?: string | null;
          updated_at?: string;
          user_id: string;
        };
        Update: {
          agreed_to_charge?: boolean;
          client_id?: string | null;
          created_at?: string;
          crowd_project_id?: string;
          id?: string;
          invoice_id?: string | null;
          joined_at?: string;
          left_at?: string | null;
          organization_id?: string;
          pledge_amount?: number | null;
          share_amount?: number | null;
          status?: string;
          stripe_customer_id?: string | null;
          stripe_payment_method_id?: string | null;
          stripe_setup_intent_id?: string | null;
          updated_at?: string;
          user_id?: string;
        };
        Relationships: [
          {
            foreignKeyName: 'crowd_participants_client_id_organization_id_fkey';
            columns: ['client_id', 'organization_id'];
            isOneToOne: false;
            referencedRelation: 'clients';
            referencedColumns: ['id', 'organization_id'];
          },
          {
            foreignKeyName: 'crowd_participants_crowd_project_id_organization_id_fkey';
            columns: ['crowd_project_id', 'organization_id'];
            isOneToOne: false;
            referencedRelation: 'crowd_projects';
            referencedColumns: ['id', 'organization_id'];
          },
          {
            foreignKeyName: 'crowd_participants_invoice_id_organization_id_fkey';
            columns: ['invoice_id', 'organization_id'];
            isOneToOne: false;
            referencedRelation: 'invoices';
            referencedColumns: ['id', 'organization_id'];
          },
          {
            foreignKeyName: 'crowd_participants_organization_id_fkey';
            columns: ['organization_id'];
            isOneToOne: false;
            referencedRelation: 'organizations';
            referencedColumns: ['id'];
          },
          {
            foreignKeyName: 'crowd_participants_user_id_fkey';
            columns: ['user_id'];
            isOneToOne: false;
            referencedRelation: 'profiles';
            referencedColumns: ['id'];
          },
        ];
      };
      crowd_projects: {
        Row: {
          created_at: string;
          created_by: string | null;
          currency: string;
          deadline: string;
          description: string | null;
          estimate_id: string | null;
          id: string;
          joined_count: number;
          organization_id: string;
          quorum: number;
          quorum_reached_at: string | null;
          split: Database['public']['Enums']['crowd_split'];
          status: Database['public']['Enums']['crowd_status'];
          target_budget: number;
          title: string;
          updated_at: string;
        };
        ComputedFields: never;
        Insert: {
          created_at?: string;
          created_by?: string | null;
          currency: string;
          deadline: string;
          description?: string | null;
          estimate_id?: string | null;
          id?: string;
          joined_count?: number;
          organization_id: string;
          quorum: number;
          quorum_reached_at?: string | null;
          split?: Database['public']['Enums']['crowd_split'];
          status?: Database['public']['Enums']['crowd_status'];
          target_budget: number;
          title: string;
          updated_at?: string;
        };
        Update: {
          created_at?: string;
          created_by?: string | null;
          currency?: string;
          deadline?: string;
          description?: string | null;
          estimate_id?: string | null;
          id?: string;
          joined_count?: number;
          organization_id?: string;
          quorum?: number;
          quorum_reached_at?: string | null;
          split?: Database['public']['Enums']['crowd_split'];
          status?: Database['public']['Enums']['crowd_status'];
          target_budget?: number;
          title?: string;
          updated_at?: string;
        };
        Relationships: [
          {
            foreignKeyName: 'crowd_projects_estimate_fkey';
            columns: ['estimate_id', 'organization_id'];
            isOneToOne: false;
            referencedRelation: 'estimates';
            referencedColumns: ['id', 'organization_id'];
          },
          {
            foreignKeyName: 'crowd_projects_organization_id_fkey';
            columns: ['organization_id'];
            isOneToOne: false;
            referencedRelation: 'organizations';
            referencedColumns: ['id'];
          },
        ];
      };
      email_outbox: {
        Row: {
          attempts: number;
          created_at: string;
          id: string;
          last_error: string | null;
          next_attempt_at: string;
          organization_id: string | null;
          payload: NonNullable<Json>;
          provider: string | null;
          provider_id: string | null;
          sent_at: string | null;
          status: string;
          subject: string;
          template: string;
          to_email: string;
        };
        ComputedFields: never;
        Insert: {
          attempts?: number;
          created_at?: string;
          id?: string;
          last_error?: string | null;
          next_attempt_at?: string;
          organization_id?: string | null;
          payload?: NonNullable<Json>;
          provider?: string | null;
          provider_id?: string | null;
          sent_at?: string | null;
          status?: string;
          subject: string;
          template: string;
          to_email: string;
        };
        Update: {
          attempts?: number;
          created_at?: string;
          id?: string;
          last_error?: string | null;
          next_attempt_at?: string;
          organization_id?: string | null;
          payload?: NonNullable<Json>;
          provider?: string | null;
          provider_id?: string | null;
          sent_at?: string | null;
          status?: string;
          subject?: string;
          template?: string;
          to_email?: string;
        };
        Relationships: [
          {
            foreignKeyName: 'email_outbox_organization_id_fkey';
            columns: ['organization_id'];
            isOneToOne: false;
            referencedRelation: 'organizations';
            referencedColumns: ['id'];
          },
        ];
      };
      estimates: {
        Row: {
          answered_at: string | null;
          answered_by: string | null;
          budget_max: number | null;
          budget_min: number | null;
          client_id: string | null;
          created_at: string;
          crowd_project_id: string | null;
          currency: string;
          decided_at: string | null;
          decided_by: string | null;
          decision_comment: string | null;
          delivers_on: string | null;
          description: string;
          id: string;
          invoice_id: string | null;
          line_items: NonNullable<Json>;
          organization_id: string;
          price_amount: number | null;
          project_id: string | null;
          requested_by: string | null;
          scope: string | null;
          service_type: string;
          starts_on: string | null;
          status: Database['public']['Enums']['estimate_status'];
          timeline: string | null;
          updated_at: string;
          valid_until: string | null;
          wished_deadline: string | null;
        };
        ComputedFields: never;
        Insert: {
          answered_at?: string | null;
          answered_by?: string | null;
          budget_max?: number | null;
          budget_min?: number | null;
          client_id?: string | null;
          created_at?: string;
          crowd_project_id?: string | null;
          currency: string;
          decided_at?: string | null;
          decided_by?: string | null;
          decision_comment?: string | null;
          delivers_on?: string | null;
          description: string;
          id?: string;
          invoice_id?: string | null;
          line_items?: NonNullable<Json>;
          organization_id: string;
          price_amount?: number | null;
          project_id?: string | null;
          requested_by?: string | null;
          scope?: string | null;
          service_type: string;
          starts_on?: string | null;
          status?: Database['public']['Enums']['estimate_status'];
          timeline?: string | null;
          updated_at?: string;
          valid_until?: string | null;
          wished_deadline?: string | null;
        };
        Update: {
          answered_at?: string | null;
          answered_by?: string | null;
          budget_max?: number | null;
          budget_min?: number | null;
          client_id?: string | null;
          created_at?: string;
          crowd_project_id?: string | null;
          currency?: string;
          decided_at?: string | null;
          decided_by?: string | null;
          decision_comment?: string | null;
          delivers_on?: string | null;
          description?: string;
          id?: string;
          invoice_id?: string | null;
          line_items?: NonNullable<Json>;
          organization_id?: string;
          price_amount?: number | null;
          project_id?: string | null;
          requested_by?: string | null;
          scope?: string | null;
          service_type?: string;
          starts_on?: string | null;
          status?: Database['public']['Enums']['estimate_status'];
          timeline?: string | null;
          updated_at?: string;
          valid_until?: string | null;
          wished_deadline?: string | null;
        };
        Relationships: [
          {
            foreignKeyName: 'estimates_answered_by_fkey';
            columns: ['answered_by'];
            isOneToOne: false;
            referencedRelation: 'profiles';
            referencedColumns: ['id'];
          },
          {
            foreignKeyName: 'estimates_client_id_organization_id_fkey';
            columns: ['client_id', 'organization_id'];
            isOneToOne: false;
            referencedRelation: 'clients';
            referencedColumns: ['id', 'organization_id'];
          },
          {
            foreignKeyName: 'estimates_crowd_project_id_organization_id_fkey';
            columns: ['crowd_project_id', 'organization_id'];
            isOneToOne: false;
            referencedRelation: 'crowd_projects';
            referencedColumns: ['id', 'organization_id'];
          },
          {
            foreignKeyName: 'estimates_decided_by_fkey';
            columns: ['decided_by'];
            isOneToOne: false;
            referencedRelation: 'profiles';
            referencedColumns: ['id'];
          },
          {
            foreignKeyName: 'estimates_invoice_fkey';
            columns: ['invoice_id', 'organization_id'];
            isOneToOne: false;
            referencedRelation: 'invoices';
            referencedColumns: ['id', 'organization_id'];
          },
          {
            foreignKeyName: 'estimates_organization_id_fkey';
            columns: ['organization_id'];
            isOneToOne: false;
            referencedRelation: 'organizations';
            referencedColumns: ['id'];
          },
          {
            foreignKeyName: 'estimates_project_id_organization_id_fkey';
            columns: ['project_id', 'organization_id'];
            isOneToOne: false;
            referencedRelation: 'project_budget_status';
            referencedColumns: ['project_id', 'organization_id'];
          },
          {
            foreignKeyName: 'estimates_project_id_organization_id_fkey';
            columns: ['project_id', 'organization_id'];
            isOneToOne: false;
            referencedRelation: 'projects';
            referencedColumns: ['id', 'organization_id'];
          },
          {
            foreignKeyName: 'estimates_requested_by_fkey';
            columns: ['requested_by'];
            isOneToOne: false;
            referencedRelation: 'profiles';
            referencedColumns: ['id'];
          },
        ];
      };
      feature_flags: {
        Row: {
          created_at: string;
          description: string | null;
          enabled: boolean;
          id: string;
          key: string;
          organization_id: string | null;
          updated_at: string;
          value: Json | null;
        };
        ComputedFields: never;
        Insert: {
          created_at?: string;
          description?: string | null;
          enabled?: boolean;
          id?: string;
          key: string;
          organization_id?: string | null;
          updated_at?: string;
          value?: Json | null;
        };
        Update: {
          created_at?: string;
          description?: string | null;
          enabled?: boolean;
          id?: string;
          key?: string;
          organization_id?: string | null;
          updated_at?: string;
          value?: Json | null;
        };
        Relationships: [
          {
            foreignKeyName: 'feature_flags_organization_id_fkey';
            columns: ['organization_id'];
            isOneToOne: false;
            referencedRelation: 'organizations';
            referencedColumns: ['id'];
          },
        ];
      };
      intake_forms: {
        Row: {
          ask_budget: boolean;
          created_at: string;
          enabled: boolean;
          id: string;
          intro: string | null;
          organization_id: string;
          thank_you: string | null;
          title: string;
          updated_at: string;
        };
        ComputedFields: never;
        Insert: {
          ask_budget?: boolean;
          created_at?: string;
          enabled?: boolean;
          id?: string;
          intro?: string | null;
          organization_id: string;
          thank_you?: string | null;
          title?: string;
          updated_at?: string;
        };
        Update: {
          ask_budget?: boolean;
          created_at?: string;
          enabled?: boolean;
          id?: string;
          intro?: string | null;
          organization_id?: string;
          thank_you?: string | null;
          title?: string;
          updated_at?: string;
        };
        Relationships: [
          {
            foreignKeyName: 'intake_forms_organization_id_fkey';
            columns: ['organization_id'];
            isOneToOne: true;
            referencedRelation: 'organizations';
            referencedColumns: ['id'];
          },
        ];
      };
      intake_submissions: {
        Row: {
          budget: string | null;
          client_id: string | null;
          company: string | null;
          created_at: string;
          email: string;
          form_id: string;
          id: string;
          ip_hash: string | null;
          message: string;
          name: string;
          organization_id: string;
          phone: string | null;
          user_agent: string | null;
        };
        ComputedFields: never;
        Insert: {
          budget?: string | null;
          client_id?: string | null;
          company?: string | null;
          created_at?: string;
          email: string;
          form_id: string;
          id?: string;
          ip_hash?: string | null;
          message: string;
          name: string;
          organization_id: string;
          phone?: string | null;
          user_agent?: string | null;
        };
        Update: {
          budget?: string | null;
          client_id?: string | null;
          company?: string | null;
          created_at?: string;
          email?: string;
          form_id?: string;
          id?: string;
          ip_hash?: string | null;
          message?: string;
          name?: string;
          organization_id?: string;
          phone?: string | null;
          user_agent?: string | null;
        };
        Relationships: [
          {
            foreignKeyName: 'intake_submissions_client_id_organization_id_fkey';
            columns: ['client_id', 'organization_id'];
            isOneToOne: false;
            referencedRelation: 'clients';
            referencedColumns: ['id', 'organization_id'];
          },
          {
            foreignKeyName: 'intake_submissions_form_id_fkey';
            columns: ['form_id'];
            isOneToOne: false;
            referencedRelation: 'intake_forms';
            referencedColumns: ['id'];
          },
          {
            foreignKeyName: 'intake_submissions_organization_id_fkey';
            columns: ['organization_id'];
            isOneToOne: false;
            referencedRelation: 'organizations';
            referencedColumns: ['id'];
          },
        ];
      };
      invitations: {
        Row: {
          accepted_at: string | null;
          accepted_by: string | null;
          client_id: string | null;
          created_at: string;
          email: string;
          expires_at: string;
          id: string;
          invited_by: string | null;
          organization_id: string;
          revoked_at: string | null;
          role: Database['public']['Enums']['org_role'];
          token_hash: string;
          updated_at: string;
        };
        ComputedFields: never;
        Insert: {
          accepted_at?: string | null;
          accepted_by?: string | null;
          client_id?: string | null;
          created_at?: string;
          email: string;
          expires_at?: string;
          id?: string;
          invited_by?: string | null;
          organization_id: string;
          revoked_at?: string | null;
          role: Database['public']['Enums']['org_role'];
          token_hash: string;
          updated_at?: string;
        };
        Update: {
          accepted_at?: string | null;
          accepted_by?: string | null;
          client_id?: string | null;
          created_at?: string;
          email?: string;
          expires_at?: string;
          id?: string;
          invited_by?: string | null;
          organization_id?: string;
          revoked_at?: string | null;
          role?: Database['public']['Enums']['org_role'];
          token_hash?: string;
          updated_at?: string;
        };
        Relationships: [
          {
            foreignKeyName: 'invitations_client_fkey';
            columns: ['client_id', 'organization_id'];
            isOneToOne: false;
            referencedRelation: 'clients';
            referencedColumns: ['id', 'organization_id'];
          },
          {
            foreignKeyName: 'invitations_organization_id_fkey';
            columns: ['organization_id'];
            isOneToOne: false;
            referencedRelation: 'organizations';
            referencedColumns: ['id'];
          },
        ];
      };
      invoice_items: {
        Row: {
          amount: number;
          created_at: string;
          description: string;
          id: string;
          invoice_id: string;
          kind: string;
          organization_id: string;
          position: number;
          quantity: number;
          tax_rate_bp: number;
          unit_amount: number;
          updated_at: string;
        };
        ComputedFields: never;
        Insert: {
          amount?: number;
          created_at?: string;
          description: string;
          id?: string;
          invoice_id: string;
          kind?: string;
          organization_id: string;
          position?: number;
          quantity?: number;
          tax_rate_bp?: number;
          unit_amount: number;
          updated_at?: string;
        };
        Update: {
          amount?: number;
          created_at?: string;
          description?: string;
          id?: string;
          invoice_id?: string;
          kind?: string;
          organization_id?: string;
          position?: number;
          quantity?: number;
          tax_rate_bp?: number;
          unit_amount?: number;
          updated_at?: string;
        };
        Relationships: [
          {
            foreignKeyName: 'invoice_items_invoice_id_organization_id_fkey';
            columns: ['invoice_id', 'organization_id'];
            isOneToOne: false;
            referencedRelation: 'invoices';
            referencedColumns: ['id', 'organization_id'];
          },
          {
            foreignKeyName: 'invoice_items_organization_id_fkey';
            columns: ['organization_id'];
            isOneToOne: false;
            referencedRelation: 'organizations';
            referencedColumns: ['id'];
          },
        ];
      };
      invoices: {
        Row: {
          amount_due: number | null;
          amount_paid: number;
          bill_to_user_id: string | null;
          client_id: string | null;
          created_at: string;
          created_by: string | null;
          crowd_project_id: string | null;
          currency: string;
          deposit_amount: number | null;
          deposit_due_on: string | null;
          discount_amount: number;
          discount_bp: number;
          due_on: string;
          estimate_id: string | null;
          id: string;
          issue_on: string;
          last_reminder_at: string | null;
          notes: string | null;
          number: string;
          organization_id: string;
          paid_at: string | null;
          project_id: string | null;
          recurrence: Database['public']['Enums']['recurrence_interval'] | null;
          recurrence_ends_on: string | null;
          recurrence_next_on: string | null;
          recurrence_remaining: number | null;
          recurring_source_id: string | null;
          reminder_count: number;
          sent_at: string | null;
          sequence_number: number;
          status: Database['public']['Enums']['invoice_status'];
          subtotal_amount: number;
          tax_amount: number;
          terms: string | null;
          total_amount: number;
          updated_at: string;
          void_reason: string | null;
          voided_at: string | null;
        };
        ComputedFields: never;
        Insert: {
          amount_due?: never;
          amount_paid?: number;
          bill_to_user_id?: string | null;
          client_id?: string | null;
          created_at?: string;
          created_by?: string | null;
          crowd_project_id?: string | null;
          currency: string;
          deposit_amount?: number | null;
          deposit_due_on?: string | null;
          discount_amount?: number;
          discount_bp?: number;
          due_on: string;
          estimate_id?: string | null;
          id?: string;
          issue_on?: string;
          last_reminder_at?: string | null;
          notes?: string | null;
          number: string;
          organization_id: string;
          paid_at?: string | null;
          project_id?: string | null;
          recurrence?: Database['public']['Enums']['recurrence_interval'] | null;
          recurrence_ends_on?: string | null;
          recurrence_next_on?: string | null;
          recurrence_remaining?: number | null;
          recurring_source_id?: string | null;
          reminder_count?: number;
          sent_at?: string | null;
          sequence_number: number;
          status?: Database['public']['Enums']['invoice_status'];
          subtotal_amount?: number;
          tax_amount?: number;
          terms?: string | null;
          total_amount?: number;
          updated_at?: string;
          void_reason?: string | null;
          voided_at?: string | null;
        };
        Update: {
          amount_due?: never;
          amount_paid?: number;
          bill_to_user_id?: string | null;
          client_id?: string | null;
          created_at?: string;
          created_by?: string | null;
          crowd_project_id?: string | null;
          currency?: string;
          deposit_amount?: number | null;
          deposit_due_on?: string | null;
          discount_amount?: number;
          discount_bp?: number;
          due_on?: string;
          estimate_id?: string | null;
          id?: string;
          issue_on?: string;
          last_reminder_at?: string | null;
          notes?: string | null;
          number?: string;
          organization_id?: string;
          paid_at?: string | null;
          project_id?: string | null;
          recurrence?: Database['public']['Enums']['recurrence_interval'] | null;
          recurrence_ends_on?: string | null;
          recurrence_next_on?: string | null;
          recurrence_remaining?: number | null;
          recurring_source_id?: string | null;
          reminder_count?: number;
          sent_at?: string | null;
          sequence_number?: number;
          status?: Database['public']['Enums']['invoice_status'];
          subtotal_amount?: number;
          tax_amount?: number;
          terms?: string | null;
          total_amount?: number;
          updated_at?: string;
          void_reason?: string | null;
          voided_at?: string | null;
        };
        Relationships: [
          {
            foreignKeyName: 'invoices_bill_to_user_id_fkey';
            columns: ['bill_to_user_id'];
            isOneToOne: false;
            referencedRelation: 'profiles';
            referencedColumns: ['id'];
          },
          {
            foreignKeyName: 'invoices_client_id_organization_id_fkey';
            columns: ['client_id', 'organization_id'];
            isOneToOne: false;
            referencedRelation: 'clients';
            referencedColumns: ['id', 'organization_id'];
          },
          {
            foreignKeyName: 'invoices_crowd_project_id_organization_id_fkey';
            columns: ['crowd_project_id', 'organization_id'];
            isOneToOne: false;
            referencedRelation: 'crowd_projects';
            referencedColumns: ['id', 'organization_id'];
          },
          {
            foreignKeyName: 'invoices_estimate_id_organization_id_fkey';
            columns: ['estimate_id', 'organization_id'];
            isOneToOne: false;
            referencedRelation: 'estimates';
            referencedColumns: ['id', 'organization_id'];
          },
          {
            foreignKeyName: 'invoices_organization_id_fkey';
            columns: ['organization_id'];
            isOneToOne: false;
            referencedRelation: 'organizations';
            referencedColumns: ['id'];
          },
          {
            foreignKeyName: 'invoices_project_id_organization_id_fkey';
            columns: ['project_id', 'organization_id'];
            isOneToOne: false;
            referencedRelation: 'project_budget_status';
            referencedColumns: ['project_id', 'organization_id'];
          },
          {
            foreignKeyName: 'invoices_project_id_organization_id_fkey';
            columns: ['project_id', 'organization_id'];
            isOneToOne: false;
            referencedRelation: 'projects';
            referencedColumns: ['id', 'organization_id'];
          },
          {
            foreignKeyName: 'invoices_recurring_source_id_fkey';
            columns: ['recurring_source_id'];
            isOneToOne: false;
            referencedRelation: 'invoices';
            referencedColumns: ['id'];
          },
        ];
      };
      messages: {
        Row: {
          attachments: NonNullable<Json>;
          author_id: string | null;
          body: string;
          channel_id: string;
          created_at: string;
          deleted_at: string | null;
          edited_at: string | null;
          id: string;
          last_reply_at: string | null;
          mentions: string[];
          organization_id: string;
          parent_id: string | null;
          reactions: NonNullable<Json>;
          reply_count: number;
        };
        ComputedFields: never;
        Insert: {
          attachments?: NonNullable<Json>;
          author_id?: string | null;
          body?: string;
          channel_id: string;
          created_at?: string;
          deleted_at?: string | null;
          edited_at?: string | null;
          id?: string;
          last_reply_at?: string | null;
          mentions?: string[];
          organization_id: string;
          parent_id?: string | null;
          reactions?: NonNullable<Json>;
          reply_count?: number;
        };
        Update: {
          attachments?: NonNullable<Json>;
          author_id?: string | null;
          body?: string;
          channel_id?: string;
          created_at?: string;
          deleted_at?: string | null;
          edited_at?: string | null;
          id?: string;
          last_reply_at?: string | null;
          mentions?: string[];
          organization_id?: string;
          parent_id?: string | null;
          reactions?: NonNullable<Json>;
          reply_count?: number;
        };
        Relationships: [
          {
            foreignKeyName: 'messages_author_id_fkey';
            columns: ['author_id'];
            isOneToOne: false;
            referencedRelation: 'profiles';
            referencedColumns: ['id'];
          },
          {
            foreignKeyName: 'messages_channel_id_organization_id_fkey';
            columns: ['channel_id', 'organization_id'];
            isOneToOne: false;
            referencedRelation: 'channels';
            referencedColumns: ['id', 'organization_id'];
          },
          {
            foreignKeyName: 'messages_organization_id_fkey';
            columns: ['organization_id'];
            isOneToOne: false;
            referencedRelation: 'organizations';
            referencedColumns: ['id'];
          },
          {
            foreignKeyName: 'messages_parent_id_fkey';
            columns: ['parent_id'];
            isOneToOne: false;
            referencedRelation: 'messages';
            referencedColumns: ['id'];
          },
        ];
      };
      notifications: {
        Row: {
          body: string | null;
          created_at: string;
          data: NonNullable<Json>;
          digested_at: string | null;
          id: string;
          kind: string;
          link: string | null;
          organization_id: string | null;
          read_at: string | null;
          title: string;
          user_id: string;
        };
        ComputedFields: never;
        Insert: {
          body?: string | null;
          created_at?: string;
          data?: NonNullable<Json>;
          digested_at?: string | null;
          id?: string;
          kind: string;
          link?: string | null;
          organization_id?: string | null;
          read_at?: string | null;
          title: string;
          user_id: string;
        };
        Update: {
          body?: string | null;
          created_at?: string;
          data?: NonNullable<Json>;
          digested_at?: string | null;
          id?: string;
          kind?: string;
          link?: string | null;
          organization_id?: string | null;
          read_at?: string | null;
          title?: string;
          user_id?: string;
        };
        Relationships: [
          {
            foreignKeyName: 'notifications_organization_id_fkey';
            columns: ['organization_id'];
            isOneToOne: false;
            referencedRelation: 'organizations';
            referencedColumns: ['id'];
          },
        ];
      };
      organization_members: {
        Row: {
          client_id: string | null;
          created_at: string;
          id: string;
          organization_id: string;
          role: Database['public']['Enums']['org_role'];
          updated_at: string;
          user_id: string;
        };
        ComputedFields: never;
        Insert: {
          client_id?: string | null;
          created_at?: string;
          id?: string;
          organization_id: string;
          role?: Database['public']['Enums']['org_role'];
          updated_at?: string;
          user_id: string;
        };
        Update: {
          client_id?: string | null;
          created_at?: string;
          id?: string;
          organization_id?: string;
          role?: Database['public']['Enums']['org_role'];
          updated_at?: string;
          user_id?: string;
        };
        Relationships: [
          {
            foreignKeyName: 'organization_members_client_fkey';
            columns: ['client_id', 'organization_id'];
            isOneToOne: false;
            referencedRelation: 'clients';
            referencedColumns: ['id', 'organization_id'];
          },
          {
            foreignKeyName: 'organization_members_organization_id_fkey';
            columns: ['organization_id'];
            isOneToOne: false;
            referencedRelation: 'organizations';
            referencedColumns: ['id'];
          },
          {
            foreignKeyName: 'organization_members_user_profile_fkey';
            columns: ['user_id'];
            isOneToOne: false;
            referencedRelation: 'profiles';
            referencedColumns: ['id'];
          },
        ];
      };
      organizations: {
        Row: {
          billing_address: Json | null;
          billing_email: string | null;
          billing_name: string | null;
          created_at: string;
          created_by: string | null;
          currency: string;
          default_tax_rate_bp: number;
          estimate_valid_days: number;
          id: string;
          invoice_prefix: string;
          invoice_sequence: number;
          late_fee_kind: string;
          late_fee_value: number;
          name: string;
          notification_digest_minutes: number | null;
          payment_terms_days: number;
          plan: Database['public']['Enums']['org_plan'];
          plan_limits_enforced: boolean;
          reminder_delay_days: number;
          reminder_interval_days: number;
          reminder_max: number;
          settings: NonNullable<Json>;
          slug: string;
          stale_lead_days: number;
          stripe_customer_id: string | null;
          tax_id: string | null;
          timezone: string;
          updated_at: string;
        };
        ComputedFields: never;
        Insert: {
          billing_address?: Json | null;
          billing_email?: string | null;
          billing_name?: string | null;
          created_at?: string;
          created_by?: string | null;
          currency?: string;
          default_tax_rate_bp?: number;
          estimate_valid_days?: number;
          id?: string;
          invoice_prefix?: string;
          invoice_sequence?: number;
          late_fee_kind?: string;
          late_fee_value?: number;
          name: string;
          notification_digest_minutes?: number | null;
          payment_terms_days?: number;
          plan?: Database['public']['Enums']['org_plan'];
          plan_limits_enforced?: boolean;
          reminder_delay_days?: number;
          reminder_interval_days?: number;
          reminder_max?: number;
          settings?: NonNullable<Json>;
          slug: string;
          stale_lead_days?: number;
          stripe_customer_id?: string | null;
          tax_id?: string | null;
          timezone?: string;
          updated_at?: string;
        };
        Update: {
          billing_address?: Json | null;
          billing_email?: string | null;
          billing_name?: string | null;
          created_at?: string;
          created_by?: string | null;
          currency?: string;
          default_tax_rate_bp?: number;
          estimate_valid_days?: number;
          id?: string;
          invoice_prefix?: string;
          invoice_sequence?: number;
          late_fee_kind?: string;
          late_fee_value?: number;
          name?: string;
          notification_digest_minutes?: number | null;
          payment_terms_days?: number;
          plan?: Database['public']['Enums']['org_plan'];
          plan_limits_enforced?: boolean;
          reminder_delay_days?: number;
          reminder_interval_days?: number;
          reminder_max?: number;
          settings?: NonNullable<Json>;
          slug?: string;
          stale_lead_days?: number;
          stripe_customer_id?: string | null;
          tax_id?: string | null;
          timezone?: string;
          updated_at?: string;
        };
        Relationships: [];
      };
      payments: {
        Row: {
          amount: number;
          amount_refunded: number;
          created_at: string;
          currency: string;
          failure_message: string | null;
          id: string;
          invoice_id: string;
          method: Database['public']['Enums']['payment_method'];
          note: string | null;
          organization_id: string;
          paid_at: string | null;
          provider: string;
          recorded_by: string | null;
          reference: string | null;
          status: Database['public']['Enums']['payment_status'];
          stripe_charge_id: string | null;
          stripe_checkout_session_id: string | null;
          stripe_payment_intent_id: string | null;
          updated_at: string;
        };
        ComputedFields: never;
        Insert: {
          amount: number;
          amount_refunded?: number;
          created_at?: string;
          currency: string;
          failure_message?: string | null;
          id?: string;
          invoice_id: string;
          method: Database['public']['Enums']['payment_method'];
          note?: string | null;
          organization_id: string;
          paid_at?: string | null;
          provider?: string;
          recorded_by?: string | null;
          reference?: string | null;
          status?: Database['public']['Enums']['payment_status'];
          stripe_charge_id?: string | null;
          stripe_checkout_session_id?: string | null;
          stripe_payment_intent_id?: string | null;
          updated_at?: string;
        };
        Update: {
          amount?: number;
          amount_refunded?: number;
          created_at?: string;
          currency?: string;
          failure_message?: string | null;
          id?: string;
          invoice_id?: string;
          method?: Database['public']['Enums']['payment_method'];
          note?: string | null;
          organization_id?: string;
          paid_at?: string | null;
          provider?: string;
          recorded_by?: string | null;
          reference?: string | null;
          status?: Database['public']['Enums']['payment_status'];
          stripe_charge_id?: string | null;
          stripe_checkout_session_id?: string | null;
          stripe_payment_intent_id?: string | null;
          updated_at?: string;
        };
        Relationships: [
          {
            foreignKeyName: 'payments_invoice_id_organization_id_fkey';
            columns: ['invoice_id', 'organization_id'];
            isOneToOne: false;
            referencedRelation: 'invoices';
            referencedColumns: ['id', 'organization_id'];
          },
          {
            foreignKeyName: 'payments_organization_id_fkey';
            columns: ['organization_id'];
            isOneToOne: false;
            referencedRelation: 'organizations';
            referencedColumns: ['id'];
          },
          {
            foreignKeyName: 'payments_recorded_by_fkey';
            columns: ['recorded_by'];
            isOneToOne: false;
            referencedRelation: 'profiles';
            referencedColumns: ['id'];
          },
        ];
      };
      profiles: {
        Row: {
          avatar_url: string | null;
          bio: string | null;
          created_at: string;
          display_name: string | null;
          headline: string | null;
          id: string;
          is_public: boolean;
          skills: string[];
          updated_at: string;
          username: string | null;
        };
        ComputedFields: never;
        Insert: {
          avatar_url?: string | null;
          bio?: string | null;
          created_at?: string;
          display_name?: string | null;
          headline?: string | null;
          id: string;
          is_public?: boolean;
          skills?: string[];
          updated_at?: string;
          username?: string | null;
        };
        Update: {
          avatar_url?: string | null;
          bio?: string | null;
          created_at?: string;
          display_name?: string | null;
          headline?: string | null;
          id?: string;
          is_public?: boolean;
          skills?: string[];
          updated_at?: string;
          username?: string | null;
        };
        Relationships: [];
      };
      project_updates: {
        Row: {
          author_id: string | null;
          body: string;
          created_at: string;
          edited_at: string | null;
          id: string;
          organization_id: string;
          parent_id: string | null;
          project_id: string;
          updated_at: string;
          visibility: Database['public']['Enums']['update_visibility'];
        };
        ComputedFields: never;
        Insert: {
          author_id?: string | null;
          body: string;
          created_at?: string;
          edited_at?: string | null;
          id?: string;
          organization_id: string;
          parent_id?: string | null;
          project_id: string;
          updated_at?: string;
          visibility: Database['public']['Enums']['update_visibility'];
        };
        Update: {
          author_id?: string | null;
          body?: string;
          created_at?: string;
          edited_at?: string | null;
          id?: string;
          organization_id?: string;
          parent_id?: string | null;
          project_id?: string;
          updated_at?: string;
          visibility?: Database['public']['Enums']['update_visibility'];
        };
        Relationships: [
          {
            foreignKeyName: 'project_updates_author_id_fkey';
            columns: ['author_id'];
            isOneToOne: false;
            referencedRelation: 'profiles';
            referencedColumns: ['id'];
          },
          {
            foreignKeyName: 'project_updates_organization_id_fkey';
            columns: ['organization_id'];
            isOneToOne: false;
            referencedRelation: 'organizations';
            referencedColumns: ['id'];
          },
          {
            foreignKeyName: 'project_updates_parent_id_fkey';
            columns: ['parent_id'];
            isOneToOne: false;
            referencedRelation: 'project_updates';
            referencedColumns: ['id'];
          },
          {
            foreignKeyName: 'project_updates_project_id_organization_id_fkey';
            columns: ['project_id', 'organization_id'];
            isOneToOne: false;
            referencedRelation: 'project_budget_status';
            referencedColumns: ['project_id', 'organization_id'];
          },
          {
            foreignKeyName: 'project_updates_project_id_organization_id_fkey';
            columns: ['project_id', 'organization_id'];
            isOneToOne: false;
            referencedRelation: 'projects';
            referencedColumns: ['id', 'organization_id'];
          },
        ];
      };
      projects: {
        Row: {
          budget: number | null;
          budget_hours: number | null;
          checkpoint_every_days: number | null;
          client_id: string;
          created_at: string;
          created_by: string | null;
          description: string | null;
          end_on: string | null;
          hourly_rate: number | null;
          id: string;
          milestones: NonNullable<Json>;
          name: string;
          next_checkpoint_on: string | null;
          organization_id: string;
          start_on: string | null;
          status: Database['public']['Enums']['project_status'];
          updated_at: string;
        };
        ComputedFields: never;
        Insert: {
          budget?: number | null;
          budget_hours?: number | null;
          checkpoint_every_days?: number | null;
          client_id: string;
          created_at?: string;
          created_by?: string | null;
          description?: string | null;
          end_on?: string | null;
          hourly_rate?: number | null;
          id?: string;
          milestones?: NonNullable<Json>;
          name: string;
          next_checkpoint_on?: string | null;
          organization_id: string;
          start_on?: string | null;
          status?: Database['public']['Enums']['project_status'];
          updated_at?: string;
        };
        Update: {
          budget?: number | null;
          budget_hours?: number | null;
          checkpoint_every_days?: number | null;
          client_id?: string;
          created_at?: string;
          created_by?: string | null;
          description?: string | null;
          end_on?: string | null;
          hourly_rate?: number | null;
          id?: string;
          milestones?: NonNullable<Json>;
          name?: string;
          next_checkpoint_on?: string | null;
          organization_id?: string;
          start_on?: string | null;
          status?: Database['public']['Enums']['project_status'];
          updated_at?: string;
        };
        Relationships: [
          {
            foreignKeyName: 'projects_client_id_organization_id_fkey';
            columns: ['client_id', 'organization_id'];
            isOneToOne: false;
            referencedRelation: 'clients';
            referencedColumns: ['id', 'organization_id'];
          },
          {
            foreignKeyName: 'projects_organization_id_fkey';
            columns: ['organization_id'];
            isOneToOne: false;
            referencedRelation: 'organizations';
            referencedColumns: ['id'];
          },
        ];
      };
      rate_limits: {
        Row: {
          bucket: string;
          hits: number;
          subject: string;
          window_start: string;
        };
        ComputedFields: never;
        Insert: {
          bucket: string;
          hits?: number;
          subject: string;
          window_start: string;
        };
        Update: {
          bucket?: string;
          hits?: number;
          subject?: string;
          window_start?: string;
        };
        Relationships: [];
      };
      report_drafts: {
        Row: {
          body: string;
          client_id: string;
          created_at: string;
          created_by: string | null;
          id: string;
          organization_id: string;
          period_end: string;
          period_start: string;
          published_at: string | null;
          published_by: string | null;
          status: Database['public']['Enums']['report_status'];
          title: string;
          updated_at: string;
        };
        ComputedFields: never;
        Insert: {
          body?: string;
          client_id: string;
          created_at?: string;
          created_by?: string | null;
          id?: string;
          organization_id: string;
          period_end: string;
          period_start: string;
          published_at?: string | null;
          published_by?: string | null;
          status?: Database['public']['Enums']['report_status'];
          title: string;
          updated_at?: string;
        };
        Update: {
          body?: string;
          client_id?: string;
          created_at?: string;
          created_by?: string | null;
          id?: string;
          organization_id?: string;
          period_end?: string;
          period_start?: string;
          published_at?: string | null;
          published_by?: string | null;
          status?: Database['public']['Enums']['report_status'];
          title?: string;
          updated_at?: string;
        };
        Relationships: [
          {
            foreignKeyName: 'report_drafts_client_id_organization_id_fkey';
            columns: ['client_id', 'organization_id'];
            isOneToOne: false;
            referencedRelation: 'clients';
            referencedColumns: ['id', 'organization_id'];
          },
          {
            foreignKeyName: 'report_drafts_organization_id_fkey';
            columns: ['organization_id'];
            isOneToOne: false;
            referencedRelation: 'organizations';
            referencedColumns: ['id'];
          },
          {
            foreignKeyName: 'report_drafts_published_by_fkey';
            columns: ['published_by'];
            isOneToOne: false;
            referencedRelation: 'profiles';
            referencedColumns: ['id'];
          },
        ];
      };
      stripe_events: {
        Row: {
          error: string | null;
          id: string;
          livemode: boolean;
          organization_id: string | null;
          payload: NonNullable<Json>;
          processed_at: string | null;
          received_at: string;
          stripe_created_at: string;
          type: string;
        };
        ComputedFields: never;
        Insert: {
          error?: string | null;
          id: string;
          livemode?: boolean;
          organization_id?: string | null;
          payload: NonNullable<Json>;
          processed_at?: string | null;
          received_at?: string;
          stripe_created_at: string;
          type: string;
        };
        Update: {
          error?: string | null;
          id?: string;
          livemode?: boolean;
          organization_id?: string | null;
          payload?: NonNullable<Json>;
          processed_at?: string | null;
          received_at?: string;
          stripe_created_at?: string;
          type?: string;
        };
        Relationships: [
          {
            foreignKeyName: 'stripe_events_organization_id_fkey';
            columns: ['organization_id'];
            isOneToOne: false;
            referencedRelation: 'organizations';
            referencedColumns: ['id'];
          },
        ];
      };
      subscriptions: {
        Row: {
          cancel_at_period_end: boolean;
          created_at: string;
          current_period_end: string | null;
          id: string;
          organization_id: string;
          plan: Database['public']['Enums']['org_plan'];
          status: string;
          stripe_customer_id: string;
          stripe_subscription_id: string;
          stripe_updated_at: string;
          updated_at: string;
        };
        ComputedFields: never;
        Insert: {
          cancel_at_period_end?: boolean;
          created_at?: string;
          current_period_end?: string | null;
          id?: string;
          organization_id: string;
          plan: Database['public']['Enums']['org_plan'];
          status: string;
          stripe_customer_id: string;
          stripe_subscription_id: string;
          stripe_updated_at: string;
          updated_at?: string;
        };
        Update: {
          cancel_at_period_end?: boolean;
          created_at?: string;
          current_period_end?: string | null;
          id?: string;
          organization_id?: string;
          plan?: Database['public']['Enums']['org_plan'];
          status?: string;
          stripe_customer_id?: string;
          stripe_subscription_id?: string;
          stripe_updated_at?: string;
          updated_at?: string;
        };
        Relationships: [
          {
            foreignKeyName: 'subscriptions_organization_id_fkey';
            columns: ['organization_id'];
            isOneToOne: true;
            referencedRelation: 'organizations';
            referencedColumns: ['id'];
          },
        ];
      };
      tasks: {
        Row: {
          assignee_id: string | null;
          checkpoint_on: string | null;
          client_visible: boolean;
          completed_at: string | null;
          created_at: string;
          created_by: string | null;
          decline_reason: string | null;
          description: string | null;
          due_on: string | null;
          id: string;
          milestone_key: string | null;
          organization_id: string;
          position: number;
          project_id: string;
          request_status: Database['public']['Enums']['task_request_status'] | null;
          requested_by: string | null;
          status: Database['public']['Enums']['task_status'];
          title: string;
          updated_at: string;
        };
        ComputedFields: never;
        Insert: {
          assignee_id?: string | null;
          checkpoint_on?: string | null;
          client_visible?: boolean;
          completed_at?: string | null;
          created_at?: string;
          created_by?: string | null;
          decline_reason?: string | null;
          description?: string | null;
          due_on?: string | null;
          id?: string;
          milestone_key?: string | null;
          organization_id: string;
          position?: number;
          project_id: string;
          request_status?: Database['public']['Enums']['task_request_status'] | null;
          requested_by?: string | null;
          status?: Database['public']['Enums']['task_status'];
          title: string;
          updated_at?: string;
        };
        Update: {
          assignee_id?: string | null;
          checkpoint_on?: string | null;
          client_visible?: boolean;
          completed_at?: string | null;
          created_at?: string;
          created_by?: string | null;
          decline_reason?: string | null;
          description?: string | null;
          due_on?: string | null;
          id?: string;
          milestone_key?: string | null;
          organization_id?: string;
          position?: number;
          project_id?: string;
          request_status?: Database['public']['Enums']['task_request_status'] | null;
          requested_by?: string | null;
          status?: Database['public']['Enums']['task_status'];
          title?: string;
          updated_at?: string;
        };
        Relationships: [
          {
            foreignKeyName: 'tasks_assignee_id_fkey';
            columns: ['assignee_id'];
            isOneToOne: false;
            referencedRelation: 'profiles';
            referencedColumns: ['id'];
          },
          {
            foreignKeyName: 'tasks_assignee_membership_fkey';
            columns: ['organization_id', 'assignee_id'];
            isOneToOne: false;
            referencedRelation: 'organization_members';
            referencedColumns: ['organization_id', 'user_id'];
          },
          {
            foreignKeyName: 'tasks_organization_id_fkey';
            columns: ['organization_id'];
            isOneToOne: false;
            referencedRelation: 'organizations';
            referencedColumns: ['id'];
          },
          {
            foreignKeyName: 'tasks_project_id_organization_id_fkey';
            columns: ['project_id', 'organization_id'];
            isOneToOne: false;
            referencedRelation: 'project_budget_status';
            referencedColumns: ['project_id', 'organization_id'];
          },
          {
            foreignKeyName: 'tasks_project_id_organization_id_fkey';
            columns: ['project_id', 'organization_id'];
            isOneToOne: false;
            referencedRelation: 'projects';
            referencedColumns: ['id', 'organization_id'];
          },
          {
            foreignKeyName: 'tasks_requested_by_fkey';
            columns: ['requested_by'];
            isOneToOne: false;
            referencedRelation: 'profiles';
            referencedColumns: ['id'];
          },
        ];
      };
      time_entries: {
        Row: {
          billable: boolean;
          created_at: string;
          ended_at: string | null;
          hourly_rate: number;
          id: string;
          invoice_id: string | null;
          minutes: number | null;
          note: string | null;
          organization_id: string;
          project_id: string;
          started_at: string;
          task_id: string | null;
          updated_at: string;
          user_id: string;
        };
        ComputedFields: never;
        Insert: {
          billable?: boolean;
          created_at?: string;
          ended_at?: string | null;
          hourly_rate: number;
          id?: string;
          invoice_id?: string | null;
          minutes?: never;
          note?: string | null;
          organization_id: string;
          project_id: string;
          started_at?: string;
          task_id?: string | null;
          updated_at?: string;
          user_id?: string;
        };
        Update: {
          billable?: boolean;
          created_at?: string;
          ended_at?: string | null;
          hourly_rate?: number;
          id?: string;
          invoice_id?: string | null;
          minutes?: never;
          note?: string | null;
          organization_id?: string;
          project_id?: string;
          started_at?: string;
          task_id?: string | null;
          updated_at?: string;
          user_id?: string;
        };
        Relationships: [
          {
            foreignKeyName: 'time_entries_invoice_fkey';
            columns: ['invoice_id', 'organization_id'];
            isOneToOne: false;
            referencedRelation: 'invoices';
            referencedColumns: ['id', 'organization_id'];
          },
          {
            foreignKeyName: 'time_entries_organization_id_fkey';
            columns: ['organization_id'];
            isOneToOne: false;
            referencedRelation: 'organizations';
            referencedColumns: ['id'];
          },
          {
            foreignKeyName: 'time_entries_organization_id_user_id_fkey';
            columns: ['organization_id', 'user_id'];
            isOneToOne: false;
            referencedRelation: 'organization_members';
            referencedColumns: ['organization_id', 'user_id'];
          },
          {
            foreignKeyName: 'time_entries_project_id_organization_id_fkey';
            columns: ['project_id', 'organization_id'];
            isOneToOne: false;
            referencedRelation: 'project_budget_status';
            referencedColumns: ['project_id', 'organization_id'];
          },
          {
            foreignKeyName: 'time_entries_project_id_organization_id_fkey';
            columns: ['project_id', 'organization_id'];
            isOneToOne: false;
            referencedRelation: 'projects';
            referencedColumns: ['id', 'organization_id'];
          },
          {
            foreignKeyName: 'time_entries_task_id_fkey';
            columns: ['task_id'];
            isOneToOne: false;
            referencedRelation: 'tasks';
            referencedColumns: ['id'];
          },
          {
            foreignKeyName: 'time_entries_user_id_fkey';
            columns: ['user_id'];
            isOneToOne: false;
            referencedRelation: 'profiles';
            referencedColumns: ['id'];
          },
        ];
      };
    };
    Views: {
      project_budget_status: {
        Row: {
          billable_hours: number | null;
          budget: number | null;
          budget_hours: number | null;
          client_id: string;
          hours_band: string | null;
          invoiced_amount: number | null;
          money_band: string | null;
          organization_id: string;
          paid_amount: number | null;
          project_id: string;
          spent: number | null;
          tracked_hours: number | null;
        };
        ComputedFields: never;
        Relationships: [
          {
            foreignKeyName: 'projects_client_id_organization_id_fkey';
            columns: ['client_id', 'organization_id'];
            isOneToOne: false;
            referencedRelation: 'clients';
            referencedColumns: ['id', 'organization_id'];
          },
          {
            foreignKeyName: 'projects_organization_id_fkey';
            columns: ['organization_id'];
            isOneToOne: false;
            referencedRelation: 'organizations';
            referencedColumns: ['id'];
          },
        ];
      };
    };
    Functions: {
      accept_invitation: {
        Args: { token: string };
        Returns: {
          client_id: string | null;
          created_at: string;
          id: string;
          organization_id: string;
          role: Database['public']['Enums']['org_role'];
          updated_at: string;
          user_id: string;
        };
        SetofOptions: {
          from: '*';
          to: 'organization_members';
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      answer_estimate: {
        Args: {
          delivers_on: string;
          estimate_id: string;
          line_items: Json;
          scope: string;
          starts_on: string;
          timeline: string;
          valid_until?: string;
        };
        Returns: {
          answered_at: string | null;
          answered_by: string | null;
          budget_max: number | null;
          budget_min: number | null;
          client_id: string | null;
          created_at: string;
          crowd_project_id: string | null;
          currency: string;
          decided_at: string | null;
          decided_by: string | null;
          decision_comment: string | null;
          delivers_on: string | null;
          description: string;
          id: string;
          invoice_id: string | null;
          line_items: NonNullable<Json>;
          organization_id: string;
          price_amount: number | null;
          project_id: string | null;
          requested_by: string | null;
          scope: string | null;
          service_type: string;
          starts_on: string | null;
          status: Database['public']['Enums']['estimate_status'];
          timeline: string | null;
          updated_at: string;
          valid_until: string | null;
          wished_deadline: string | null;
        };
        SetofOptions: {
          from: '*';
          to: 'estimates';
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      approve_crowd_estimate: {
        Args: { estimate_id: string };
        Returns: {
          amount_due: number | null;
          amount_paid: number;
          bill_to_user_id: string | null;
          client_id: string | null;
          created_at: string;
          created_by: string | null;
          crowd_project_id: string | null;
          currency: string;
          deposit_amount: number | null;
          deposit_due_on: string | null;
          discount_amount: number;
          discount_bp: number;
          due_on: string;
          estimate_id: string | null;
          id: string;
          issue_on: string;
          last_reminder_at: string | null;
          notes: string | null;
          number: string;
          organization_id: string;
          paid_at: string | null;
          project_id: string | null;
          recurrence: Database['public']['Enums']['recurrence_interval'] | null;
          recurrence_ends_on: string | null;
          recurrence_next_on: string | null;
          recurrence_remaining: number | null;
          recurring_source_id: string | null;
          reminder_count: number;
          sent_at: string | null;
          sequence_number: number;
          status: Database['public']['Enums']['invoice_status'];
          subtotal_amount: number;
          tax_amount: number;
          terms: string | null;
          total_amount: number;
          updated_at: string;
          void_reason: string | null;
          voided_at: string | null;
        }[];
        SetofOptions: {
          from: '*';
          to: 'invoices';
          isOneToOne: false;
          isSetofReturn: true;
        };
      };
      billing_account: {
        Args: { org: string };
        Returns: {
          email: string;
          name: string;
          organization_id: string;
          plan: Database['public']['Enums']['org_plan'];
          stripe_customer_id: string;
          subscription_status: string;
        }[];
      };
      budget_band: { Args: { budget: number; used: number }; Returns: string };
      cancel_crowd_project: {
        Args: { crowd_project_id: string };
        Returns: {
          created_at: string;
          created_by: string | null;
          currency: string;
          deadline: string;
          description: string | null;
          estimate_id: string | null;
          id: string;
          joined_count: number;
          organization_id: string;
          quorum: number;
          quorum_reached_at: string | null;
          split: Database['public']['Enums']['crowd_split'];
          status: Database['public']['Enums']['crowd_status'];
          target_budget: number;
          title: string;
          updated_at: string;
        };
        SetofOptions: {
          from: '*';
          to: 'crowd_projects';
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      capacity_overview: {
        Args: { from_week: string; organization_id: string; weeks?: number };
        Returns: {
          actual_hours: number;
          planned_hours: number;
          user_id: string;
          week_start: string;
        }[];
      };
      change_member_role: {
        Args: { member_id: string; new_role: Database['public']['Enums']['org_role'] };
        Returns: {
          client_id: string | null;
          created_at: string;
          id: string;
          organization_id: string;
          role: Database['public']['Enums']['org_role'];
          updated_at: string;
          user_id: string;
        };
        SetofOptions: {
          from: '*';
          to: 'organization_members';
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      channel_members_list: {
        Args: { channel_id: string };
        Returns: {
          avatar_url: string;
          display_name: string;
          joined_at: string;
          last_read_at: string;
          role: string;
          user_id: string;
          username: string;
        }[];
      };
      claim_email_batch: {
        Args: { batch_size?: number };
        Returns: {
          attempts: number;
          created_at: string;
          id: string;
          last_error: string | null;
          next_attempt_at: string;
          organization_id: string | null;
          payload: NonNullable<Json>;
          provider: string | null;
          provider_id: string | null;
          sent_at: string | null;
          status: string;
          subject: string;
          template: string;
          to_email: string;
        }[];
        SetofOptions: {
          from: '*';
          to: 'email_outbox';
          isOneToOne: false;
          isSetofReturn: true;
        };
      };
      create_organization: {
        Args: { name: string; slug: string };
        Returns: {
          billing_address: Json | null;
          billing_email: string | null;
          billing_name: string | null;
          created_at: string;
          created_by: string | null;
          currency: string;
          default_tax_rate_bp: number;
          estimate_valid_days: number;
          id: string;
          invoice_prefix: string;
          invoice_sequence: number;
          late_fee_kind: string;
          late_fee_value: number;
          name: string;
          notification_digest_minutes: number | null;
          payment_terms_days: number;
          plan: Database['public']['Enums']['org_plan'];
          plan_limits_enforced: boolean;
          reminder_delay_days: number;
          reminder_interval_days: number;
          reminder_max: number;
          settings: NonNullable<Json>;
          slug: string;
          stale_lead_days: number;
          stripe_customer_id: string | null;
          tax_id: string | null;
          timezone: string;
          updated_at: string;
        };
        SetofOptions: {
          from: '*';
          to: 'organizations';
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      crowd_charge_plan: {
        Args: { crowd_project_id: string };
        Returns: {
          amount: number;
          currency: string;
          invoice_id: string;
          number: string;
          organization_id: string;
          participant_id: string;
          stripe_customer_id: string;
          stripe_payment_method_id: string;
          user_id: string;
        }[];
      };
      crowd_project_status: {
        Args: { crowd_project_id: string };
        Returns: {
          agreed_to_charge: boolean;
          amount_due: number;
          amount_paid: number;
          avatar_url: string;
          display_name: string;
          has_saved_card: boolean;
          invoice_id: string;
          invoice_number: string;
          invoice_status: Database['public']['Enums']['invoice_status'];
          is_me: boolean;
          joined_at: string;
          participant_id: string;
          pledge_amount: number;
          share_amount: number;
          status: string;
          user_id: string;
        }[];
      };
      crowd_setup_quote: {
        Args: { crowd_project_id: string };
        Returns: {
          currency: string;
          display_name: string;
          email: string;
          organization_id: string;
          organization_name: string;
          participant_id: string;
          stripe_customer_id: string;
          title: string;
        }[];
      };
      currency_exponent: { Args: { currency: string }; Returns: number };
      decide_estimate: {
        Args: { approve: boolean; comment?: string; estimate_id: string };
        Returns: {
          answered_at: string | null;
          answered_by: string | null;
          budget_max: number | null;
          budget_min: number | null;
          client_id: string | null;
          created_at: string;
          crowd_project_id: string | null;
          currency: string;
          decided_at: string | null;
          decided_by: string | null;
          decision_comment: string | null;
          delivers_on: string | null;
          description: string;
          id: string;
          invoice_id: string | null;
          line_items: NonNullable<Json>;
          organization_id: string;
          price_amount: number | null;
          project_id: string | null;
          requested_by: string | null;
          scope: string | null;
          service_type: string;
          starts_on: string | null;
          status: Database['public']['Enums']['estimate_status'];
          timeline: string | null;
          updated_at: string;
          valid_until: string | null;
          wished_deadline: string | null;
        };
        SetofOptions: {
          from: '*';
          to: 'estimates';
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      delete_abandoned_attachments: { Args: Record<PropertyKey, never>; Returns: number };
      delete_message: {
        Args: { message_id: string };
        Returns: {
          attachments: NonNullable<Json>;
          author_id: string | null;
          body: string;
          channel_id: string;
          created_at: string;
          deleted_at: string | null;
          edited_at: string | null;
          id: string;
          last_reply_at: string | null;
          mentions: string[];
          organization_id: string;
          parent_id: string | null;
          reactions: NonNullable<Json>;
          reply_count: number;
        };
        SetofOptions: {
          from: '*';
          to: 'messages';
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      estimate_to_project: {
        Args: { estimate_id: string };
        Returns: {
          budget: number | null;
          budget_hours: number | null;
          checkpoint_every_days: number | null;
          client_id: string;
          created_at: string;
          created_by: string | null;
          description: string | null;
          end_on: string | null;
          hourly_rate: number | null;
          id: string;
          milestones: NonNullable<Json>;
          name: string;
          next_checkpoint_on: string | null;
          organization_id: string;
          start_on: string | null;
          status: Database['public']['Enums']['project_status'];
          updated_at: string;
        };
        SetofOptions: {
          from: '*';
          to: 'projects';
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      finish_email: {
        Args: { email_id: string; error?: string; ok: boolean; provider?: string; provider_id?: string };
        Returns: undefined;
      };
      generate_report_draft: {
        Args: { client_id: string; period_end: string; period_start: string };
        Returns: {
          body: string;
          client_id: string;
          created_at: string;
          created_by: string | null;
          id: string;
          organization_id: string;
          period_end: string;
          period_start: string;
          published_at: string | null;
          published_by: string | null;
          status: Database['public']['Enums']['report_status'];
          title: string;
          updated_at: string;
        };
        SetofOptions: {
          from: '*';
          to: 'report_drafts';
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      handle_stripe_event: { Args: { context?: Json; event: Json }; Returns: string };
      intake_form: {
        Args: { org_slug: string };
        Returns: {
          ask_budget: boolean;
          intro: string;
          organization_name: string;
          thank_you: string;
          title: string;
        }[];
      };
      invitation_preview: {
        Args: { token: string };
        Returns: {
          email: string;
          expires_at: string;
          organization_name: string;
          role: Database['public']['Enums']['org_role'];
          status: string;
        }[];
      };
      invite_member: {
        Args: {
          client_id?: string;
          email: string;
          organization_id: string;
          role: Database['public']['Enums']['org_role'];
        };
        Returns: {
          expires_at: string;
          id: string;
          token: string;
        }[];
      };
      invoice_checkout_quote: {
        Args: { invoice_id: string; part?: string };
        Returns: Database['public']['CompositeTypes']['checkout_quote'][];
        SetofOptions: {
          from: '*';
          to: 'checkout_quote';
          isOneToOne: false;
          isSetofReturn: true;
        };
      };
      invoice_from_unbilled_time: {
        Args: { project_id: string; until_on?: string };
        Returns: {
          amount_due: number | null;
          amount_paid: number;
          bill_to_user_id: string | null;
          client_id: string | null;
          created_at: string;
          created_by: string | null;
          crowd_project_id: string | null;
          currency: string;
          deposit_amount: number | null;
          deposit_due_on: string | null;
          discount_amount: number;
          discount_bp: number;
          due_on: string;
          estimate_id: string | null;
          id: string;
          issue_on: string;
          last_reminder_at: string | null;
          notes: string | null;
          number: string;
          organization_id: string;
          paid_at: string | null;
          project_id: string | null;
          recurrence: Database['public']['Enums']['recurrence_interval'] | null;
          recurrence_ends_on: string | null;
          recurrence_next_on: string | null;
          recurrence_remaining: number | null;
          recurring_source_id: string | null;
          reminder_count: number;
          sent_at: string | null;
          sequence_number: number;
          status: Database['public']['Enums']['invoice_status'];
          subtotal_amount: number;
          tax_amount: number;
          terms: string | null;
          total_amount: number;
          updated_at: string;
          void_reason: string | null;
          voided_at: string | null;
        };
        SetofOptions: {
          from: '*';
          to: 'invoices';
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      join_crowd_project: {
        Args: { agree_to_charge?: boolean; crowd_project_id: string; pledge_amount?: number };
        Returns: {
          agreed_to_charge: boolean;
          client_id: string | null;
          created_at: string;
          crowd_project_id: string;
          id: string;
          invoice_id: string | null;
          joined_at: string;
          left_at: string | null;
          organization_id: string;
          pledge_amount: number | null;
          share_amount: number | null;
          status: string;
          stripe_customer_id: string | null;
          stripe_payment_method_id: string | null;
          stripe_setup_intent_id: string | null;
          updated_at: string;
          user_id: string;
        };
        SetofOptions: {
          from: '*';
          to: 'crowd_participants';
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      leave_crowd_project: {
        Args: { crowd_project_id: string };
        Returns: {
          agreed_to_charge: boolean;
          client_id: string | null;
          created_at: string;
          crowd_project_id: string;
          id: string;
          invoice_id: string | null;
          joined_at: string;
          left_at: string | null;
          organization_id: string;
          pledge_amount: number | null;
          share_amount: number | null;
          status: string;
          stripe_customer_id: string | null;
          stripe_payment_method_id: string | null;
          stripe_setup_intent_id: string | null;
          updated_at: string;
          user_id: string;
        };
        SetofOptions: {
          from: '*';
          to: 'crowd_participants';
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      leave_organization: { Args: { organization_id: string }; Returns: undefined };
      mark_channel_read: {
        Args: { channel_id: string; read_at?: string };
        Returns: {
          channel_id: string;
          joined_at: string;
          last_read_at: string;
          muted: boolean;
          organization_id: string;
          role: string;
          user_id: string;
        };
        SetofOptions: {
          from: '*';
          to: 'channel_members';
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      my_channels: {
        Args: Record<PropertyKey, never>;
        Returns: {
          application_id: string;
          archived_at: string;
          crowd_project_id: string;
          id: string;
          kind: Database['public']['Enums']['channel_kind'];
          last_message_at: string;
          last_read_at: string;
          mention_count: number;
          muted: boolean;
          name: string;
          organization_id: string;
          other_avatar_url: string;
          other_display_name: string;
          other_user_id: string;
          project_id: string;
          role: string;
          ticket_id: string;
          topic: string;
          unread_count: number;
        }[];
      };
      my_client_accounts: {
        Args: Record<PropertyKey, never>;
        Returns: {
          client_id: string;
          client_name: string;
          organization_id: string;
        }[];
      };
      notify_crowd_participants: { Args: { crowd_project_id: string; message: string }; Returns: number };
      open_direct_channel: {
        Args: { other_user_id: string };
        Returns: {
          application_id: string | null;
          archived_at: string | null;
          created_at: string;
          created_by: string | null;
          crowd_project_id: string | null;
          direct_key: string | null;
          id: string;
          kind: Database['public']['Enums']['channel_kind'];
          last_message_at: string | null;
          name: string;
          organization_id: string;
          project_id: string | null;
          ticket_id: string | null;
          topic: string | null;
          updated_at: string;
        };
        SetofOptions: {
          from: '*';
          to: 'channels';
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      plan_limits: { Args: { org: string }; Returns: Json };
      plan_usage: { Args: { org: string }; Returns: Json };
      record_crowd_charge: {
        Args: {
          amount?: number;
          failure_message?: string;
          invoice_id: string;
          payment_intent_id: string;
          succeeded: boolean;
        };
        Returns: string;
      };
      record_payment: {
        Args: {
          amount: number;
          invoice_id: string;
          method: Database['public']['Enums']['payment_method'];
          note?: string;
          paid_on?: string;
          reference?: string;
        };
        Returns: {
          amount: number;
          amount_refunded: number;
          created_at: string;
          currency: string;
          failure_message: string | null;
          id: string;
          invoice_id: string;
          method: Database['public']['Enums']['payment_method'];
          note: string | null;
          organization_id: string;
          paid_at: string | null;
          provider: string;
          recorded_by: string | null;
          reference: string | null;
          status: Database['public']['Enums']['payment_status'];
          stripe_charge_id: string | null;
          stripe_checkout_session_id: string | null;
          stripe_payment_intent_id: string | null;
          updated_at: string;
        };
        SetofOptions: {
          from: '*';
          to: 'payments';
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      remove_member: { Args: { member_id: string }; Returns: undefined };
      resend_invitation: {
        Args: { invitation_id: string };
        Returns: {
          expires_at: string;
          id: string;
          token: string;
        }[];
      };
      revoke_invitation: { Args: { invitation_id: string }; Returns: undefined };
      save_crowd_customer: { Args: { customer_id: string; participant_id: string }; Returns: undefined };
      send_invoice: {
        Args: { invoice_id: string };
        Returns: {
          amount_due: number | null;
          amount_paid: number;
          bill_to_user_id: string | null;
          client_id: string | null;
          created_at: string;
          created_by: string | null;
          crowd_project_id: string | null;
          currency: string;
          deposit_amount: number | null;
          deposit_due_on: string | null;
          discount_amount: number;
          discount_bp: number;
          due_on: string;
          estimate_id: string | null;
          id: string;
          issue_on: string;
          last_reminder_at: string | null;
          notes: string | null;
          number: string;
          organization_id: string;
          paid_at: string | null;
          project_id: string | null;
          recurrence: Database['public']['Enums']['recurrence_interval'] | null;
          recurrence_ends_on: string | null;
          recurrence_next_on: string | null;
          recurrence_remaining: number | null;
          recurring_source_id: string | null;
          reminder_count: number;
          sent_at: string | null;
          sequence_number: number;
          status: Database['public']['Enums']['invoice_status'];
          subtotal_amount: number;
          tax_amount: number;
          terms: string | null;
          total_amount: number;
          updated_at: string;
          void_reason: string | null;
          voided_at: string | null;
        };
        SetofOptions: {
          from: '*';
          to: 'invoices';
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      set_billing_customer: { Args: { customer: string; org: string }; Returns: string };
      set_planned_hours: {
        Args: { planned_hours: number; project_id: string; user_id: string; week_start: string };
        Returns: {
          created_at: string;
          id: string;
          organization_id: string;
          planned_hours: number;
          project_id: string;
          updated_at: string;
          user_id: string;
          week_start: string;
        };
        SetofOptions: {
          from: '*';
          to: 'capacity_entries';
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      stale_attachment_objects: { Args: { max_rows?: number }; Returns: string[] };
      stale_message_files: { Args: { max_rows?: number; paths?: string[] }; Returns: string[] };
      start_timer: {
        Args: { note?: string; project_id: string; task_id?: string };
        Returns: {
          billable: boolean;
          created_at: string;
          ended_at: string | null;
          hourly_rate: number;
          id: string;
          invoice_id: string | null;
          minutes: number | null;
          note: string | null;
          organization_id: string;
          project_id: string;
          started_at: string;
          task_id: string | null;
          updated_at: string;
          user_id: string;
        };
        SetofOptions: {
          from: '*';
          to: 'time_entries';
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      stop_timer: {
        Args: Record<PropertyKey, never>;
        Returns: {
          billable: boolean;
          created_at: string;
          ended_at: string | null;
          hourly_rate: number;
          id: string;
          invoice_id: string | null;
          minutes: number | null;
          note: string | null;
          organization_id: string;
          project_id: string;
          started_at: string;
          task_id: string | null;
          updated_at: string;
          user_id: string;
        };
        SetofOptions: {
          from: '*';
          to: 'time_entries';
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      submit_intake: {
        Args: {
          budget?: string;
          company?: string;
          email: string;
          message: string;
          name: string;
          org_slug: string;
          phone?: string;
          website?: string;
        };
        Returns: Json;
      };
      toggle_reaction: {
        Args: { emoji: string; message_id: string };
        Returns: {
          attachments: NonNullable<Json>;
          author_id: string | null;
          body: string;
          channel_id: string;
          created_at: string;
          deleted_at: string | null;
          edited_at: string | null;
          id: string;
          last_reply_at: string | null;
          mentions: string[];
          organization_id: string;
          parent_id: string | null;
          reactions: NonNullable<Json>;
          reply_count: number;
        };
        SetofOptions: {
          from: '*';
          to: 'messages';
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      transfer_ownership: { Args: { new_owner_id: string; organization_id: string }; Returns: undefined };
      void_invoice: {
        Args: { invoice_id: string; reason: string };
        Returns: {
          amount_due: number | null;
          amount_paid: number;
          bill_to_user_id: string | null;
          client_id: string | null;
          created_at: string;
          created_by: string | null;
          crowd_project_id: string | null;
          currency: string;
          deposit_amount: number | null;
          deposit_due_on: string | null;
          discount_amount: number;
          discount_bp: number;
          due_on: string;
          estimate_id: string | null;
          id: string;
          issue_on: string;
          last_reminder_at: string | null;
          notes: string | null;
          number: string;
          organization_id: string;
          paid_at: string | null;
          project_id: string | null;
          recurrence: Database['public']['Enums']['recurrence_interval'] | null;
          recurrence_ends_on: string | null;
          recurrence_next_on: string | null;
          recurrence_remaining: number | null;
          recurring_source_id: string | null;
          reminder_count: number;
          sent_at: string | null;
          sequence_number: number;
          status: Database['public']['Enums']['invoice_status'];
          subtotal_amount: number;
          tax_amount: number;
          terms: string | null;
          total_amount: number;
          updated_at: string;
          void_reason: string | null;
          voided_at: string | null;
        };
        SetofOptions: {
          from: '*';
          to: 'invoices';
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
      withdraw_estimate: {
        Args: { estimate_id: string };
        Returns: {
          answered_at: string | null;
          answered_by: string | null;
          budget_max: number | null;
          budget_min: number | null;
          client_id: string | null;
          created_at: string;
          crowd_project_id: string | null;
          currency: string;
          decided_at: string | null;
          decided_by: string | null;
          decision_comment: string | null;
          delivers_on: string | null;
          description: string;
          id: string;
          invoice_id: string | null;
          line_items: NonNullable<Json>;
          organization_id: string;
          price_amount: number | null;
          project_id: string | null;
          requested_by: string | null;
          scope: string | null;
          service_type: string;
          starts_on: string | null;
          status: Database['public']['Enums']['estimate_status'];
          timeline: string | null;
          updated_at: string;
          valid_until: string | null;
          wished_deadline: string | null;
        };
        SetofOptions: {
          from: '*';
          to: 'estimates';
          isOneToOne: true;
          isSetofReturn: false;
        };
      };
    };
    Enums: {
      channel_kind: 'project' | 'ticket' | 'crowd' | 'application' | 'direct';
      client_status: 'lead' | 'active' | 'inactive' | 'archived';
      crowd_split: 'equal' | 'pledge';
      crowd_status: 'open' | 'quorum_reached' | 'estimated' | 'invoiced' | 'completed' | 'cancelled';
      estimate_status: 'requested' | 'answered' | 'approved' | 'declined' | 'expired' | 'withdrawn';
      invoice_status: 'draft' | 'sent' | 'partially_paid' | 'paid' | 'overdue' | 'void';
      org_plan: 'free' | 'pro' | 'business';
      org_role: 'client' | 'member' | 'manager' | 'admin' | 'owner';
      payment_method: 'card' | 'bank_transfer' | 'cash' | 'other';
      payment_status: 'pending' | 'succeeded' | 'failed' | 'refunded';
      project_status: 'planning' | 'active' | 'on_hold' | 'completed' | 'archived';
      recurrence_interval: 'weekly' | 'biweekly' | 'monthly' | 'quarterly' | 'yearly';
      report_status: 'draft' | 'published';
      task_request_status: 'pending' | 'accepted' | 'declined';
      task_status: 'todo' | 'in_progress' | 'review' | 'done';
      update_visibility: 'internal' | 'client';
    };
    CompositeTypes: {
      checkout_quote: {
        invoice_id: string | null;
        organization_id: string | null;
        number: string | null;
        currency: string | null;
        amount: number | null;
        payer_email: string | null;
        organization_name: string | null;
      };
    };
  };
};

type DatabaseWithoutInternals = Omit<Database, '__InternalSupabase'>;

type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, 'public'>];

export type Tables<
  DefaultSchemaTableNameOrOptions extends
    keyof (DefaultSchema['Tables'] & DefaultSchema['Views']) | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals;
  }
    ? keyof (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Tables'] &
        DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Views'])
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? (DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Tables'] &
      DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Views'])[TableName] extends {
      Row: infer R;
    }
    ? R
    : never
  : DefaultSchemaTableNameOrOptions extends keyof (DefaultSchema['Tables'] & DefaultSchema['Views'])
    ? (DefaultSchema['Tables'] & DefaultSchema['Views'])[DefaultSchemaTableNameOrOptions] extends {
        Row: infer R;
      }
      ? R
      : never
    : never;

export type TablesInsert<
  DefaultSchemaTableNameOrOptions extends keyof DefaultSchema['Tables'] | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals;
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Tables']
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Tables'][TableName] extends {
      Insert: infer I;
    }
    ? I
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema['Tables']
    ? DefaultSchema['Tables'][DefaultSchemaTableNameOrOptions] extends {
        Insert: infer I;
      }
      ? I
      : never
    : never;

export type TablesUpdate<
  DefaultSchemaTableNameOrOptions extends keyof DefaultSchema['Tables'] | { schema: keyof DatabaseWithoutInternals },
  TableName extends (DefaultSchemaTableNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals;
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Tables']
    : never) = never,
> = DefaultSchemaTableNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[DefaultSchemaTableNameOrOptions['schema']]['Tables'][TableName] extends {
      Update: infer U;
    }
    ? U
    : never
  : DefaultSchemaTableNameOrOptions extends keyof DefaultSchema['Tables']
    ? DefaultSchema['Tables'][DefaultSchemaTableNameOrOptions] extends {
        Update: infer U;
      }
      ? U
      : never
    : never;

export type Enums<
  DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema['Enums'] | { schema: keyof DatabaseWithoutInternals },
  EnumName extends (DefaultSchemaEnumNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals;
  }
    ? keyof DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions['schema']]['Enums']
    : never) = never,
> = DefaultSchemaEnumNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[DefaultSchemaEnumNameOrOptions['schema']]['Enums'][EnumName]
  : DefaultSchemaEnumNameOrOptions extends keyof DefaultSchema['Enums']
    ? DefaultSchema['Enums'][DefaultSchemaEnumNameOrOptions]
    : never;

export type CompositeTypes<
  PublicCompositeTypeNameOrOptions extends
    keyof DefaultSchema['CompositeTypes'] | { schema: keyof DatabaseWithoutInternals },
  CompositeTypeName extends (PublicCompositeTypeNameOrOptions extends {
    schema: keyof DatabaseWithoutInternals;
  }
    ? keyof DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions['schema']]['CompositeTypes']
    : never) = never,
> = PublicCompositeTypeNameOrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? DatabaseWithoutInternals[PublicCompositeTypeNameOrOptions['schema']]['CompositeTypes'][CompositeTypeName]
  : PublicCompositeTypeNameOrOptions extends keyof DefaultSchema['CompositeTypes']
    ? DefaultSchema['CompositeTypes'][PublicCompositeTypeNameOrOptions]
    : never;

export const Constants = {
  public: {
    Enums: {
      channel_kind: ['project', 'ticket', 'crowd', 'application', 'direct'],
      client_status: ['lead', 'active', 'inactive', 'archived'],
      crowd_split: ['equal', 'pledge'],
      crowd_status: ['open', 'quorum_reached', 'estimated', 'invoiced', 'completed', 'cancelled'],
      estimate_status: ['requested', 'answered', 'approved', 'declined', 'expired', 'withdrawn'],
      invoice_status: ['draft', 'sent', 'partially_paid', 'paid', 'overdue', 'void'],
      org_plan: ['free', 'pro', 'business'],
      org_role: ['client', 'member', 'manager', 'admin', 'owner'],
      payment_method: ['card', 'bank_transfer', 'cash', 'other'],
      payment_status: ['pending', 'succeeded', 'failed', 'refunded'],
      project_status: ['planning', 'active', 'on_hold', 'completed', 'archived'],
      recurrence_interval: ['weekly', 'biweekly', 'monthly', 'quarterly', 'yearly'],
      report_status: ['draft', 'published'],
      task_request_status: ['pending', 'accepted', 'declined'],
      task_status: ['todo', 'in_progress', 'review', 'done'],
      update_visibility: ['internal', 'client'],
    },
  },
} as const;
